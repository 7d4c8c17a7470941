using System.Text.Json;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl sweep` with the local executor: real trial processes, resumable, ranked, with ASHA stopping weak trials.</summary>
public sealed class SweepCliTests : IDisposable
{
    internal const string Base = """
        name: clusters
        seed: 1
        data: { dataset: synthetic, samples: 400, classes: 3, validation: 80, noise: 2.0 }
        model:
          input: [8]
          layers:
            - dense: { units: 16, activation: elu, kernel_init: he_normal }
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.01 } }
          epochs: 4
        """;

    internal const string LrSeeds = """
        extends: base.yaml
        name: clusters-lr
        sweep:
          parameters:
            training.optimizer.nadam.learning_rate: [0.01, 0.000001]
            seed: [1, 2]
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-sweep-").FullName;

    public SweepCliTests() => File.WriteAllText(Path.Combine(folder, "base.yaml"), Base);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Dry_run_lists_each_trial_with_its_hash_and_values()
    {
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), LrSeeds);
        var result = DeepDslProcess.Run(folder, "sweep", "sweep.yaml", "--dry-run");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"(?m)^\s+3  [0-9a-f]{64}  training.optimizer.nadam.learning_rate = 1e-06, seed = 2$", result.Output);
        Assert.Contains("4 trials", result.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }

    [Fact]
    public void A_local_sweep_runs_every_trial_ranks_them_and_a_second_run_skips_the_finished_ones()
    {
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), LrSeeds);
        var first = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml", "--parallel", "2"], timeoutSeconds: 300);
        Assert.True(first.Exit == 0, first.ToString());
        // Two trials at a time where this process may use two or more CPUs (its affinity, as CpuSlots reads it): each pinned to its half.
        if (OperatingSystem.IsLinux() && System.Numerics.BitOperations.PopCount((ulong)System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity) >= 2) Assert.Contains("2 at a time, pinned to CPUs ", first.Output);
        var board = Leaderboard(folder, "clusters-lr");
        var trials = board.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.Equal("0.01", trials[0].GetProperty("values").GetProperty("training.optimizer.nadam.learning_rate").GetString());
        // Each trial is ranked by the model it keeps: its checkpoint's epoch and metric, the ones its test accuracy measures.
        Assert.All(trials, t =>
        {
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", "clusters-lr", "sweep", "trials", t.GetProperty("hash").GetString()!, "summary.json"))).RootElement;
            Assert.Equal(summary.GetProperty("best").GetProperty("val_accuracy").GetDouble(), t.GetProperty("metric").GetDouble());
            Assert.Equal(summary.GetProperty("best_epoch").GetInt32(), t.GetProperty("best_epoch").GetInt32());
            Assert.Equal(summary.GetProperty("test").GetProperty("accuracy").GetDouble(), t.GetProperty("test_accuracy").GetDouble());
        });
        var groups = board.GetProperty("seed_groups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(2, groups[0].GetProperty("seeds").EnumerateObject().Count());
        Assert.True(File.Exists(Path.Combine(folder, "runs", "clusters-lr", "sweep", "report", "best.yaml")));
        Assert.Contains("learning_rate: 0.01", File.ReadAllText(Path.Combine(folder, "runs", "clusters-lr", "sweep", "report", "best.yaml")));

        var again = DeepDslProcess.Run(folder, "sweep", "sweep.yaml", "--parallel", "2");
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("4 already finished, 0 to run", again.Output);
        var report = DeepDslProcess.Run(folder, "sweep", "report", "clusters-lr");
        Assert.True(report.Exit == 0, report.ToString());
        Assert.Contains("mean ± sample std", report.Output);
    }

    [Fact]
    public void Asha_stops_clearly_bad_trials_at_the_first_rung()
    {
        File.WriteAllText(Path.Combine(folder, "asha.yaml"), LrSeeds.Replace("name: clusters-lr", "name: clusters-asha") +
            "\n  early_terminate: { type: asha, min_epochs: 1, reduction_factor: 2 }\n");
        var result = DeepDslProcess.Run(folder, ["sweep", "asha.yaml", "--parallel", "1"], timeoutSeconds: 300);
        Assert.True(result.Exit == 0, result.ToString());
        var trials = Leaderboard(folder, "clusters-asha").GetProperty("trials").EnumerateArray().ToDictionary(t => t.GetProperty("index").GetInt32());
        Assert.Equal("completed", trials[0].GetProperty("status").GetString());
        foreach (var bad in new[] { 2, 3 })
        {
            Assert.Equal("early_terminated", trials[bad].GetProperty("status").GetString());
            Assert.Equal(1, trials[bad].GetProperty("epochs").GetInt32());
        }
    }

    [Fact]
    public void A_trial_that_fails_is_retried_once_then_reported_and_the_sweep_exits_1()
    {
        File.WriteAllText(Path.Combine(folder, "device.yaml"), """
            extends: base.yaml
            name: clusters-device
            sweep:
              parameters:
                training.device: [cpu, "cuda:7"]
            """);
        var result = DeepDslProcess.Run(folder, ["sweep", "device.yaml"], timeoutSeconds: 300);
        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("trial 1 stopped with exit code 1; starting it once more", result.Output);
        Assert.Contains("1 trial(s) failed twice", result.Error);
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", "clusters-device", "sweep", "sweep.json"))).RootElement;
        var failed = state.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("index").GetInt32() == 1);
        Assert.Equal(("failed", 2), (failed.GetProperty("status").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.Contains("no CUDA device", File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "runs", "clusters-device", "sweep", "logs")).Single(f => File.ReadAllText(f).Contains("cuda"))));
    }

    [Fact]
    public async Task An_interrupted_sweep_exits_130_and_the_next_command_resumes_its_trials_without_counting_an_attempt()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), Base.Replace("samples: 400", "samples: 20000").Replace("epochs: 4", "epochs: 6"));
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "extends: base.yaml\nname: one\nsweep:\n  parameters:\n    seed: [4]\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "sweep", "one.yaml" }) start.ArgumentList.Add(argument);
        using var sweep = System.Diagnostics.Process.Start(start)!;
        var stdout = sweep.StandardOutput.ReadToEndAsync();
        var stderr = sweep.StandardError.ReadToEndAsync();
        var trials = Path.Combine(folder, "runs", "one", "sweep", "trials");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Directory.Exists(trials) || !Directory.GetFiles(trials, "metrics.csv", SearchOption.AllDirectories).Any(f => File.ReadAllLines(f).Length >= 2))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the trial did not finish an epoch");
            Thread.Sleep(100);
        }
        Assert.True(DeepDsl.Processes.ProcessSignals.Send(sweep, DeepDsl.Processes.ProcessSignals.Interrupt));
        Assert.True(sweep.WaitForExit(TimeSpan.FromSeconds(60)), "the sweep did not stop");
        Assert.True(sweep.ExitCode == 130, $"exit {sweep.ExitCode}\n{await stdout}\n{await stderr}");

        var again = DeepDslProcess.Run(folder, ["sweep", "one.yaml"], timeoutSeconds: 300);
        Assert.True(again.Exit == 0, again.ToString());
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", "one", "sweep", "sweep.json"))).RootElement.GetProperty("trials")[0];
        Assert.Equal(("completed", 1), (state.GetProperty("status").GetString(), state.GetProperty("attempts").GetInt32()));
        Assert.Contains("Resuming", File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "runs", "one", "sweep", "logs")).Single()));
    }

    [Fact]
    public void Killing_the_sweep_with_sigkill_stops_its_trials_and_the_next_command_resumes_them()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), Base.Replace("samples: 400", "samples: 20000").Replace("epochs: 4", "epochs: 6"));
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "extends: base.yaml\nname: one\nsweep:\n  parameters:\n    seed: [4]\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "sweep", "one.yaml" }) start.ArgumentList.Add(argument);
        using var sweep = System.Diagnostics.Process.Start(start)!;
        _ = sweep.StandardOutput.ReadToEndAsync();
        _ = sweep.StandardError.ReadToEndAsync();
        var trials = Path.Combine(folder, "runs", "one", "sweep", "trials");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Directory.Exists(trials) || !Directory.GetFiles(trials, "metrics.csv", SearchOption.AllDirectories).Any(f => File.ReadAllLines(f).Length >= 2))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the trial did not finish an epoch");
            Thread.Sleep(100);
        }
        var children = ChildrenOf(sweep.Id);
        Assert.NotEmpty(children);
        sweep.Kill(entireProcessTree: false); // SIGKILL to the sweep command alone: nothing of it runs to tell its trials
        clock.Restart();
        // That they stop is the point, not how soon: the deadline only ends a test that would wait for ever, wide enough
        // for four collections on two CPUs.
        while (children.Any(IsAlive))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"trial processes {string.Join(", ", children.Where(IsAlive))} outlived their sweep");
            Thread.Sleep(100);
        }

        var again = DeepDslProcess.Run(folder, ["sweep", "one.yaml"], timeoutSeconds: 300);
        Assert.True(again.Exit == 0, again.ToString());
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", "one", "sweep", "sweep.json"))).RootElement.GetProperty("trials")[0];
        Assert.Equal(("completed", 1), (state.GetProperty("status").GetString(), state.GetProperty("attempts").GetInt32()));
        Assert.Contains("Resuming", File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "runs", "one", "sweep", "logs")).Single()));
    }

    [Fact]
    public async Task A_trial_whose_run_another_process_holds_is_waited_for_never_failed_nor_started_twice()
    {
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "extends: base.yaml\nname: held\nsweep:\n  parameters:\n    seed: [7]\n");
        var hash = System.Text.RegularExpressions.Regex.Match(DeepDslProcess.Run(folder, "sweep", "one.yaml", "--dry-run").Output, @"\b[0-9a-f]{64}\b").Value;
        var run = Path.Combine(folder, "runs", "held", "sweep", "trials", hash);
        Directory.CreateDirectory(run);
        var held = DeepDsl.Runs.RunLock.Acquire(run); // as a `deepdsl run --resume` of the trial, or a killed sweep's trial still stopping, holds it
        var sweep = Task.Run(() => DeepDslProcess.Run(folder, ["sweep", "one.yaml"], timeoutSeconds: 300));
        var stateFile = Path.Combine(folder, "runs", "held", "sweep", "sweep.json");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(stateFile) || !File.ReadAllText(stateFile).Contains("\"running\""))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the sweep did not read the trial as running");
            Thread.Sleep(100);
        }
        Thread.Sleep(TimeSpan.FromSeconds(3));
        if (sweep.IsCompleted) Assert.Fail($"the sweep did not wait for the trial another process holds\n{await sweep}");
        var waiting = JsonDocument.Parse(File.ReadAllText(stateFile)).RootElement.GetProperty("trials")[0];
        Assert.Equal(("running", 0), (waiting.GetProperty("status").GetString(), waiting.GetProperty("attempts").GetInt32()));
        held.Dispose();

        var result = await sweep;
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("running in another process (its run.lock is held); waiting for it", result.Output);
        Assert.Single(result.Output.Split('\n'), line => line.Contains(" started"));
        var state = JsonDocument.Parse(File.ReadAllText(stateFile)).RootElement.GetProperty("trials")[0];
        Assert.Equal(("completed", 1), (state.GetProperty("status").GetString(), state.GetProperty("attempts").GetInt32()));
    }

    /// <summary>The processes whose parent is <paramref name="pid"/> (Linux's /proc: field 4 of stat, after the command's parenthesis).</summary>
    private static List<int> ChildrenOf(int pid) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit)).Select(name =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{name}/stat");
                return (Pid: int.Parse(name!), Parent: int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]));
            }
            catch (IOException)
            {
                return (Pid: 0, Parent: 0); // ended while we looked
            }
        }).Where(p => p.Parent == pid).Select(p => p.Pid).ToList();

    // Alive and not a zombie: a killed parent's children are reaped by init, which may be slow in a container.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void A_trial_is_reproduced_bit_for_bit_by_deepdsl_run_on_its_recorded_spec()
    {
        // Layers wide enough that OpenBLAS would split their products over every core: the thread count must not differ
        // between a trial (started by the sweep) and a plain run (started by a person reproducing it).
        File.WriteAllText(Path.Combine(folder, "wide.yaml"), """
            name: wide
            data: { dataset: synthetic, samples: 3000, classes: 4, validation: 500, noise: 12.0 }
            model:
              input: [256]
              layers:
                - dense: { units: 256, activation: elu, kernel_init: he_normal }
                - dense: { units: 256, activation: elu, kernel_init: he_normal }
                - dense: { units: 4, activation: softmax }
            training:
              loss: sparse_categorical_crossentropy
              optimizer: { nadam: { learning_rate: 0.001 } }
              batch_size: 64
              epochs: 2
            sweep:
              parameters:
                seed: [5]
            """);
        var sweep = DeepDslProcess.Run(folder, ["sweep", "wide.yaml"], timeoutSeconds: 300);
        Assert.True(sweep.Exit == 0, sweep.ToString());
        var trial = Directory.GetDirectories(Path.Combine(folder, "runs", "wide", "sweep", "trials")).Single();
        var plain = DeepDslProcess.Run(folder, ["run", Path.Combine(trial, "spec.yaml"), "--runs", "plain"], timeoutSeconds: 300);
        Assert.True(plain.Exit == 0, plain.ToString());
        var rerun = Directory.GetDirectories(Path.Combine(folder, "plain", "wide")).Single();
        Assert.Equal(Path.GetFileName(trial)[..12], Path.GetFileName(rerun)[^12..]); // the trial is named by the whole hash, a run by its first 12 digits
        // Every column but the seconds an epoch took (found by its name: it is not the last column).
        string[] Numbers(string run)
        {
            var lines = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
            var seconds = Array.IndexOf(lines[0].Split(','), "seconds");
            return [.. lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != seconds)))];
        }
        Assert.Equal(Numbers(trial), Numbers(rerun));
        Assert.All(new[] { trial, rerun }, run =>
            Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement.GetProperty("threads").GetInt32()));
    }

    [Fact]
    public void A_swept_layer_list_is_named_by_a_letter_in_the_leaderboard_and_spelled_out_once_below_it()
    {
        File.WriteAllText(Path.Combine(folder, "depth.yaml"), """
            extends: base.yaml
            name: clusters-depth
            training: { epochs: 1 }
            sweep:
              parameters:
                model.layers:
                  - [{ dense: { units: 16, activation: elu, kernel_init: he_normal } }, { dense: { units: 3, activation: softmax } }]
                  - [{ dense: { units: 16, activation: elu, kernel_init: he_normal } }, { dense: { units: 16, activation: elu, kernel_init: he_normal } }, { dense: { units: 3, activation: softmax } }]
            """);
        var result = DeepDslProcess.Run(folder, ["sweep", "depth.yaml"], timeoutSeconds: 300);
        Assert.True(result.Exit == 0, result.ToString());
        var board = File.ReadAllText(Path.Combine(folder, "runs", "clusters-depth", "sweep", "report", "leaderboard.md"));
        Assert.Matches(@"(?m)^\| [12] \| 0 \| A \|", board);
        Assert.Matches(@"(?m)^\| [12] \| 1 \| B \|", board);
        Assert.Contains("Values of model.layers:", board);
        Assert.Contains("- A: `[{ dense: { units: 16", board);
        Assert.Single(board.Split('\n'), line => line.Contains("units: 3, activation: softmax } }]`") && line.StartsWith("- B:"));
        Assert.Contains("0 = A, 1 = B", File.ReadAllText(Path.Combine(folder, "runs", "clusters-depth", "sweep", "report", "model.layers.svg")));
    }

    [Fact]
    public void Two_sweep_commands_cannot_run_the_same_sweep_at_once()
    {
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), LrSeeds);
        var sweep = Path.Combine(folder, "runs", "clusters-lr", "sweep");
        Directory.CreateDirectory(sweep);
        using var held = DeepDsl.Runs.RunLock.Acquire(sweep, "sweep.lock");
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(folder, "sweep", "sweep.yaml"), "in use by another DeepDsl process");
    }

    [Theory]
    [InlineData("--wait")]
    [InlineData("--slurm-option", "partition=gpu")]
    public void A_slurm_option_with_the_local_executor_is_a_usage_error_naming_it(params string[] option)
    {
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), LrSeeds);
        var result = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml", .. option]);
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"{option[0]} is an option of --executor slurm", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }

    internal static JsonElement Leaderboard(string folder, string sweep) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", sweep, "sweep", "report", "leaderboard.json"))).RootElement;
}
