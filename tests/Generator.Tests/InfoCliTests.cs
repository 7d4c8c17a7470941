namespace DeepDsl.Generator.Tests;

/// <summary>`deepdsl info` names the engine that would train, the libtorch it was built against, its BLAS, threads and devices.</summary>
public sealed class InfoCliTests
{
    [Fact]
    public void Info_names_the_engine_its_libtorch_blas_threads_and_devices()
    {
        var result = DeepDslProcess.Run(Path.GetTempPath(), "info");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"(?m)^engine:\s+native$", result.Output);
        Assert.Matches(@"(?m)^libtorch:\s+[12]\.\d+\.\d+", result.Output);
        Assert.Matches(@"(?m)^blas:\s+OpenBLAS \(1 thread\)$", result.Output);
        Assert.Matches(@"(?m)^threads:\s+1$", result.Output);
        Assert.Matches(@"(?m)^devices:\s+cpu(, cuda:\d+)*$", result.Output);
        Assert.Matches(@"(?m)^platform:\s+\S", result.Output);
    }
}
