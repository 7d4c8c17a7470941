using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Issue 20: `--engine native|torchsharp` picks the engine that runs the tensors, for any command. The TorchSharp engine
/// trains where its glue loads (GLIBCXX_3.4.32: Debian 13, the suite's chroot) and names itself and libtorch 2.10 in
/// the run's first line and summary.json; where it cannot load (Debian 12) the run is one line saying why, exit 1.
/// </summary>
public sealed class EngineChoiceCliTests
{
    [Fact]
    public void Run_with_the_torchsharp_engine_trains_or_says_in_one_line_why_it_cannot_load_here()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-engine-").FullName;
        File.WriteAllText(Path.Combine(folder, "tiny.yaml"), TinySpec.Text);
        var result = DeepDslProcess.Run(folder, "run", "tiny.yaml", "--engine", "torchsharp");
        if (LibStdCxx.Offers("GLIBCXX_3.4.32"))
        {
            Assert.True(result.Exit == 0, result.ToString());
            Assert.StartsWith("Engine: torchsharp engine, libtorch 2.10", result.Output);
            var summary = JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(folder, "runs"), "summary.json", SearchOption.AllDirectories))))!;
            Assert.Equal("torchsharp", (string?)summary["versions"]!["engine"]);
            Assert.StartsWith("2.10", (string?)summary["versions"]!["libtorch"]);
        }
        else
        {
            Assert.True(result.Exit == 1, result.ToString());
            var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("deepdsl: error: ", error);
            Assert.Contains("GLIBCXX_3.4.32", error);
            Assert.Contains("native engine", error);
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>TorchSharp has no c10d: said once, before any rank starts, on every distribution alike.</summary>
    [Fact]
    public void Data_parallel_training_on_the_torchsharp_engine_is_one_line_naming_the_native_engine()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-engine-ddp-").FullName;
        File.WriteAllText(Path.Combine(folder, "tiny.yaml"), TinySpec.Text);
        var result = DeepDslProcess.Run(folder, "run", "tiny.yaml", "--engine", "torchsharp", "--nproc", "2");
        Directory.Delete(folder, recursive: true);
        Assert.True(result.Exit == 1, result.ToString());
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deepdsl: error: data-parallel training", error);
        Assert.Contains("native engine", error);
        Assert.DoesNotContain("rank", result.Output);
    }

    [Fact]
    public void Info_with_the_native_engine_names_it()
    {
        var result = DeepDslProcess.Run(Path.GetTempPath(), "info", "--engine", "native");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"(?m)^engine:\s+native$", result.Output);
    }

    [Fact]
    public void An_unknown_engine_is_a_usage_error_naming_the_engines()
    {
        var result = DeepDslProcess.Run(Path.GetTempPath(), "info", "--engine", "tensorflow");
        Assert.True(result.Exit == 2, result.ToString());
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'tensorflow'", error);
        Assert.Contains("'native'", error);
        Assert.Contains("'torchsharp'", error);
    }
}
