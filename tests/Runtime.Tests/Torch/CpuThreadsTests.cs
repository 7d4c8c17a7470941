using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>One thread count for all CPU math: libtorch's pool and the BLAS's follow set_num_threads, from the process default on.</summary>
public sealed class CpuThreadsTests
{
    [Fact]
    public void The_engine_starts_at_the_default_and_follows_set_num_threads()
    {
        Assert.Equal(CpuThreads.Default, torch.get_num_threads());
        try
        {
            torch.set_num_threads(2);
            Assert.Equal(2, torch.get_num_threads());
        }
        finally
        {
            torch.set_num_threads(CpuThreads.Default);
        }
        Assert.Equal(CpuThreads.Default, torch.get_num_threads());
    }

    [Fact]
    public void The_BLAS_that_multiplies_follows_set_num_threads_too()
    {
        var info = EngineInfo.Current();
        if (info.Engine == "torchsharp")
        {
            // TorchSharp's libtorch links Intel MKL, whose threads libtorch's set_num_threads sets itself: no pool of its own.
            Assert.Equal("MKL", info.Blas);
            Assert.Null(info.BlasThreads);
            return;
        }
        // Debian's libtorch multiplies through the system BLAS (BLAS_INFO=generic), which setup makes OpenBLAS
        // (libopenblas0-pthread): that pool, with threads of its own, is the one whose thread count changed results.
        Assert.Equal("OpenBLAS", info.Blas);
        Assert.Equal(CpuThreads.Default, torch.get_blas_num_threads());
        try
        {
            torch.set_num_threads(2);
            Assert.Equal(2, torch.get_blas_num_threads());
        }
        finally
        {
            torch.set_num_threads(CpuThreads.Default);
        }
        Assert.Equal(CpuThreads.Default, torch.get_blas_num_threads());
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", null)]
    [InlineData("-2", null)]
    [InlineData("two", null)]
    [InlineData("", null)]
    public void OMP_NUM_THREADS_counts_only_when_it_is_a_positive_whole_number(string value, int? expected) =>
        Assert.Equal(expected, CpuThreads.Parse(value));
}
