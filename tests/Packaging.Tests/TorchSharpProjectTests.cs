using System.Text.Json.Nodes;

namespace DeepDsl.Packaging.Tests;

/// <summary>
/// Issue 20: a user's project outside the repository that references DeepDsl and TorchSharp-cpu, as a .NET user picks
/// a backend, runs on the TorchSharp engine. Where TorchSharp's glue loads (GLIBCXX_3.4.32: Debian 13, the suite's
/// chroot) it trains and the summary names the engine and libtorch 2.10; where it does not (Debian 12) the program
/// ends with one line saying why and that the native engine serves the machine, exit 1.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class TorchSharpProjectTests(PackageFeed feed)
{
    private const string Spec = """
        name: tiny-torchsharp
        seed: 7
        data: { dataset: synthetic, samples: 512, classes: 3, validation: 128, noise: 0.5 }
        model:
          input: [8]
          layers:
            - dense: { units: 16, activation: elu, kernel_init: he_normal }
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.01 } }
          batch_size: 32
          epochs: 2
        """;

    [Fact]
    public void A_project_referencing_TorchSharp_cpu_runs_on_the_TorchSharp_engine_or_says_in_one_line_why_not()
    {
        var project = feed.NewTemplateProject("SharpStudy");
        File.WriteAllText(Path.Combine(project, "experiments", "tiny.yaml"), Spec);
        PackageFeed.Expect(0, feed.Dotnet(project, "add package TorchSharp-cpu --version 0.107.0"));
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));

        // Referencing the package is the choice: the build writes it into the app's runtime settings.
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "SharpStudy.runtimeconfig.json")))!;
        Assert.Equal("torchsharp", (string?)settings["runtimeOptions"]!["configProperties"]!["DeepDsl.Engine"]);

        var run = feed.Dotnet(project, $"\"{Path.Combine(output, "SharpStudy.dll")}\" tiny-torchsharp");
        if (LibStdCxx.Offers("GLIBCXX_3.4.32"))
        {
            PackageFeed.Expect(0, run);
            Assert.Contains("Engine: torchsharp engine, libtorch 2.10", run.Output);
            var summary = JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(project, "runs"), "summary.json", SearchOption.AllDirectories))))!;
            Assert.Equal("torchsharp", (string?)summary["versions"]!["engine"]);
            Assert.StartsWith("2.10", (string?)summary["versions"]!["libtorch"]);
            Assert.Equal(2, summary["epochs_run"]!.GetValue<int>());
            Assert.Equal("completed", (string?)summary["status"]);
        }
        else
        {
            PackageFeed.Expect(1, run);
            var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("SharpStudy: error: ", error);
            Assert.Contains("GLIBCXX_3.4.32", error);
            Assert.Contains("native engine", error);
            Assert.DoesNotContain("   at ", run.Output);
        }

        // The project names the other engine outright, package or not.
        PackageFeed.Expect(0, feed.Dotnet(project, "build -p:DeepDslEngine=native"));
        settings = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "SharpStudy.runtimeconfig.json")))!;
        Assert.Equal("native", (string?)settings["runtimeOptions"]!["configProperties"]!["DeepDsl.Engine"]);
    }
}
