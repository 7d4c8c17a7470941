using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepDsl.Processes;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Data-parallel runs through the real CLI: N ranks with the same global batch train the same model as one process,
/// a distributed run resumes, and srun starts one (a rank that dies: <see cref="RankTimeoutTests"/>).
/// </summary>
public sealed class DistributedCliTests : IDisposable
{
    // No dropout: with it the ranks draw their own masks and the match with one process is only statistical.
    // 300 training examples at batch 32: 10 steps an epoch (the last one of 12, split 6 + 6), 50 steps in 5 epochs.
    internal const string Spec = """
        name: ddp
        seed: 5
        data: { dataset: synthetic, samples: 340, classes: 3, validation: 40 }
        model:
          input: [6]
          layers:
            - dense: { units: 16, activation: elu, kernel_init: he_normal }
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          batch_size: 32
          optimizer: { nadam: { learning_rate: 0.01 } }
          epochs: 5
        """;

    private static readonly Dictionary<string, string> ShortTimeout = new() { ["DEEPDSL_DIST_TIMEOUT"] = "10" };

    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-ddp-").FullName;

    public DistributedCliTests() => File.WriteAllText(Path.Combine(folder, "spec.yaml"), Spec);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Train(string runs, params string[] extra)
    {
        var result = DeepDslProcess.Run(folder, ["run", "spec.yaml", "--runs", runs, .. extra], ShortTimeout);
        Assert.True(result.Exit == 0, result.ToString());
        return Directory.GetDirectories(Path.Combine(folder, runs, "ddp")).Single();
    }

    private static JsonNode Summary(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;

    private static void AssertSameWeights(string expectedRun, string actualRun, double tolerance)
    {
        using var scope = torch.NewDisposeScope();
        var (expected, _) = SafeTensors.Load(Path.Combine(expectedRun, "checkpoints", "last.safetensors"));
        var (actual, _) = SafeTensors.Load(Path.Combine(actualRun, "checkpoints", "last.safetensors"));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected.Where(kv => !kv.Key.StartsWith("optimizer.", StringComparison.Ordinal)))
        {
            var difference = (tensor.to(ScalarType.Float64) - actual[name].to(ScalarType.Float64)).abs().max().item<double>();
            Assert.True(difference <= tolerance, $"{name} differs by {difference}");
        }
    }

    [Fact]
    public void Two_ranks_after_50_steps_hold_the_weights_of_one_process_with_the_same_global_batch()
    {
        var single = Train("one");
        // The ranks compare their weights byte for byte after every epoch and stop if they differ: a finished run is that check passed.
        var parallel = Train("two", "--nproc", "2");
        AssertSameWeights(single, parallel, 1e-5);
        Assert.Equal(50, (int)Summary(parallel)["epochs_run"]! * 10);
        Assert.Equal(2, (int)Summary(parallel)["world_size"]!);
        Assert.Equal(1, (int)Summary(single)["world_size"]!);
    }

    [Fact]
    public void A_distributed_run_resumes_to_the_weights_of_an_uninterrupted_one()
    {
        var straight = Train("straight");
        var first = Train("halves", "--nproc", "2", "--epochs", "2");
        var resumed = DeepDslProcess.Run(folder, ["run", "spec.yaml", "--resume", first, "--nproc", "2"], ShortTimeout);
        Assert.True(resumed.Exit == 0, resumed.ToString());
        Assert.Contains("Resuming", resumed.Output);
        Assert.Equal(5, (int)Summary(first)["epochs_run"]!);
        AssertSameWeights(straight, first, 1e-5);
    }

    [Fact]
    public void An_unusable_rank_environment_is_one_line_naming_the_variable()
    {
        var result = DeepDslProcess.Run(folder, ["run", "spec.yaml"], new Dictionary<string, string> { ["WORLD_SIZE"] = "2", ["MASTER_ADDR"] = "127.0.0.1" });
        DeepDslProcess.AssertUserError(result, "WORLD_SIZE is set but RANK is not");
    }

    [Fact]
    public async Task Terminating_the_launcher_stops_every_rank_at_the_same_step_and_keeps_the_run()
    {
        File.WriteAllText(Path.Combine(folder, "long.yaml"), Spec.Replace("epochs: 5", "epochs: 100000"));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "run", "long.yaml", "--runs", "stopped", "--nproc", "2" })
            start.ArgumentList.Add(argument);
        start.Environment["DEEPDSL_DIST_TIMEOUT"] = "10";
        using var launcher = Process.Start(start)!;
        var error = launcher.StandardError.ReadToEndAsync();
        var epochs = new ManualResetEventSlim();
        var output = new System.Text.StringBuilder();
        var reader = Task.Run(() =>
        {
            while (launcher.StandardOutput.ReadLine() is { } line)
            {
                output.AppendLine(line);
                if (line.StartsWith("Epoch 3/", StringComparison.Ordinal)) epochs.Set();
            }
        });
        try
        {
            Assert.True(epochs.Wait(TimeSpan.FromSeconds(120)), "no epoch finished");
            Assert.True(ProcessSignals.Send(launcher, ProcessSignals.Terminate));
            Assert.True(launcher.WaitForExit(TimeSpan.FromSeconds(30)), "the launcher did not stop");
            launcher.WaitForExit();
            await reader;
            var errors = await error;
            Assert.True(launcher.ExitCode == 130, $"exit {launcher.ExitCode}\n{output}\n{errors}");
            Assert.DoesNotContain("stopped", errors);
            Assert.Equal("interrupted", (string)Summary(Directory.GetDirectories(Path.Combine(folder, "stopped", "ddp")).Single())["status"]!);
        }
        finally
        {
            if (!launcher.HasExited) launcher.Kill(entireProcessTree: true);
        }
    }


}
