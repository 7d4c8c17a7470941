namespace DeepDsl.Cli.Tests;

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

    [Fact]
    public void A_run_names_the_engine_on_its_first_line()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-info-").FullName;
        File.WriteAllText(Path.Combine(folder, "tiny.yaml"), TinySpec.Text);
        var result = DeepDslProcess.Run(folder, "run", "tiny.yaml");
        Directory.Delete(folder, recursive: true);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"^Engine: native engine, libtorch [12]\.\d+\.\d+, OpenBLAS, 1 thread, (no CUDA device|\d+ CUDA devices?)\r?$", result.Output.Split('\n')[0]);
    }
}
