using System.Diagnostics;
using DeepDsl.Processes;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// A real `deepdsl run` process killed with SIGINT mid-epoch keeps a readable metrics.csv through its
/// last finished epoch and a loadable last checkpoint; `--resume` then reaches the same final metrics
/// as an uninterrupted run with the same seed.
/// </summary>
public sealed class InterruptedRunTests
{
    private const string Spec = """
        name: interrupt-me
        seed: 7
        data: { dataset: synthetic, samples: 24000, classes: 4, validation: 2000, noise: 3.0 }
        model:
          input: [64]
          layers:
            - dense: { units: 256, activation: elu, kernel_init: he_normal }
            - dense: { units: 256, activation: elu, kernel_init: he_normal }
            - alpha_dropout: 0.1
            - dense: { units: 4, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          batch_size: 16
          epochs: 4
        """;

    [Fact]
    public void Sigint_mid_epoch_keeps_finished_epochs_and_resume_matches_an_uninterrupted_run()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-sigint-").FullName;
        var spec = Path.Combine(folder, "interrupt.yaml");
        File.WriteAllText(spec, Spec);

        var straight = Path.Combine(folder, "straight");
        Assert.Equal(0, Cli(folder, $"run {spec} --runs {straight}", interruptAfterEpoch: null).Exit);

        var interrupted = Path.Combine(folder, "interrupted");
        var (exit, output) = Cli(folder, $"run {spec} --runs {interrupted}", interruptAfterEpoch: 1);
        Assert.True(exit == 130, $"an interrupted run exits 130, not {exit}:\n{output}");
        var run = Directory.GetDirectories(Path.Combine(interrupted, "interrupt-me")).Single();
        var rows = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.True(rows.Length is >= 2 and < 5, $"metrics.csv has the finished epochs only (exit {exit}):\n{string.Join("\n", rows)}\n{output}");
        Assert.True(new FileInfo(Path.Combine(run, "checkpoints", "last.safetensors")).Length > 0);
        Assert.Contains("interrupted", File.ReadAllText(Path.Combine(run, "summary.json")));

        Assert.Equal(0, Cli(folder, $"run {spec} --resume {run}", interruptAfterEpoch: null).Exit);
        string Final(string path) => File.ReadAllLines(Path.Combine(path, "metrics.csv")).Last().Split(',').Take(6).Aggregate((a, b) => a + "," + b);
        Assert.Equal(Final(Directory.GetDirectories(Path.Combine(straight, "interrupt-me")).Single()), Final(run));
    }

    private static (int Exit, string Output) Cli(string folder, string arguments, int? interruptAfterEpoch)
    {
        var start = new ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "deepdsl.dll")} {arguments}")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var interrupted = false;
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (interruptAfterEpoch is { } epoch && !interrupted && e.Data?.StartsWith($"Epoch {epoch}/", StringComparison.Ordinal) == true)
            {
                interrupted = true;
                Thread.Sleep(300); // well into the next epoch
                Assert.True(ProcessSignals.Send(process, ProcessSignals.Interrupt)); // as Ctrl+C sends
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), output.ToString());
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

}
