using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>A test that needs a GPU: skipped, with the reason shown, when this libtorch sees no CUDA device.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!torch.cuda.is_available())
            Skip = "no CUDA device: this libtorch sees none (build the shim against a CUDA libtorch with DEEPDSL_LIBTORCH on a GPU machine)";
    }
}
