using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>A test that needs a GPU: skipped, with the reason shown, when this libtorch sees no CUDA device.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (NoCuda.Skips) Skip = NoCuda.Reason;
    }
}

/// <summary>A data-driven test that needs a GPU: skipped, with the reason shown, when this libtorch sees no CUDA device.</summary>
public sealed class CudaTheoryAttribute : TheoryAttribute
{
    public CudaTheoryAttribute()
    {
        if (NoCuda.Skips) Skip = NoCuda.Reason;
    }
}

internal static class NoCuda
{
    /// <summary>
    /// Whether a CUDA test skips: when libtorch sees no GPU — unless DEEPDSL_REQUIRE_CUDA=1 (scripts/gpu-check.sh), where
    /// the test runs and fails, since a skip would hide that the GPU machine's libtorch does not see its GPU.
    /// </summary>
    public static bool Skips => !torch.cuda.is_available() && Environment.GetEnvironmentVariable("DEEPDSL_REQUIRE_CUDA") != "1";

    public const string Reason =
        "no CUDA device: torch.cuda.is_available() is false (this libtorch has no CUDA support or sees no GPU; " +
        "build the shim against a CUDA libtorch with DEEPDSL_LIBTORCH on a GPU machine to run these tests)";
}
