using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>A test that needs a GPU: skipped, with the reason shown, when this libtorch sees no CUDA device.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!torch.cuda.is_available()) Skip = NoCuda.Reason;
    }
}

/// <summary>A data-driven test that needs a GPU: skipped, with the reason shown, when this libtorch sees no CUDA device.</summary>
public sealed class CudaTheoryAttribute : TheoryAttribute
{
    public CudaTheoryAttribute()
    {
        if (!torch.cuda.is_available()) Skip = NoCuda.Reason;
    }
}

internal static class NoCuda
{
    public const string Reason =
        "no CUDA device: torch.cuda.is_available() is false (this libtorch has no CUDA support or sees no GPU; " +
        "build the shim against a CUDA libtorch with DEEPDSL_LIBTORCH on a GPU machine to run these tests)";
}
