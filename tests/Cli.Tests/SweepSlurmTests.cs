using System.Diagnostics;
using System.Text.Json;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// The Slurm executor on a real one-node cluster: the same sweep gives the same leaderboard as the local executor, and a
/// trial requeued mid-run resumes from its checkpoint and ends with the metrics of an uninterrupted run.
/// </summary>
[Collection("slurm")]
public sealed class SweepSlurmTests(SlurmCluster cluster) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-sweep-slurm-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_slurm_executor_gives_the_leaderboard_of_the_local_executor()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), SweepCliTests.Base);
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), SweepCliTests.LrSeeds);
        var local = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml", "--parallel", "2", "--runs", "local"], timeoutSeconds: 300);
        Assert.True(local.Exit == 0, local.ToString());
        var slurm = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml", "--executor", "slurm", "--wait", "--runs", "slurm"], cluster.Environment, timeoutSeconds: 300);
        Assert.True(slurm.Exit == 0, $"{slurm}\n{cluster.LogTails()}");
        Assert.Equal(Ranking(Path.Combine(folder, "local")), Ranking(Path.Combine(folder, "slurm")));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "slurm", "clusters-lr", "sweep", "slurm"), "*.sbatch"));
    }

    [Fact]
    public void A_trial_requeued_mid_run_resumes_and_ends_with_the_metrics_of_an_uninterrupted_run()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), SweepCliTests.Base.Replace("samples: 400", "samples: 6000").Replace("input: [8]", "input: [32]")
            .Replace("units: 16", "units: 128").Replace("epochs: 4", "epochs: 8"));
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "extends: base.yaml\nname: one-trial\nsweep:\n  parameters:\n    seed: [5]\n");
        var submitted = DeepDslProcess.Run(folder, ["sweep", "one.yaml", "--executor", "slurm", "--runs", "slurm"], cluster.Environment, timeoutSeconds: 60);
        Assert.True(submitted.Exit == 0, submitted.ToString());
        var job = System.Text.RegularExpressions.Regex.Match(submitted.Output, @"Submitted job array (\d+)").Groups[1].Value;
        var spec = Directory.GetFiles(Path.Combine(folder, "slurm", "one-trial", "sweep", "trials"), "*.yaml").Single();
        var trial = Path.Combine(Path.GetDirectoryName(spec)!, Path.GetFileNameWithoutExtension(spec)); // the run folder is named by the trial's hash
        var metrics = Path.Combine(trial, "metrics.csv");
        // The deadlines only end a test that would wait for ever (the point is the resumed metrics): the cluster's jobs share
        // two CPUs with the other collections, so they are wide.
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(metrics) && File.ReadAllLines(metrics).Length >= 3))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(300), $"the trial did not finish two epochs\n{cluster.LogTails()}");
            Thread.Sleep(200);
        }
        var requeue = cluster.Run($"scontrol requeue {job}_0", folder);
        Assert.True(requeue.Exit == 0, requeue.ToString());
        while (cluster.Run($"squeue -h -j {job}", folder).Output.Trim().Length > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(600), $"the requeued trial did not finish\n{cluster.LogTails()}");
            Thread.Sleep(500);
        }
        var log = File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "slurm", "one-trial", "sweep", "slurm"), "*.out").Single());
        Assert.Contains("restart 1", log);
        Assert.Contains("Resuming", log);

        var straight = DeepDslProcess.Run(folder, ["sweep", "one.yaml", "--runs", "local"], timeoutSeconds: 300);
        Assert.True(straight.Exit == 0, straight.ToString());
        var reference = Directory.GetDirectories(Path.Combine(folder, "local", "one-trial", "sweep", "trials")).Single();
        Assert.Equal(Final(reference), Final(trial));
        Assert.Contains("completed", File.ReadAllText(Path.Combine(trial, "summary.json")));
    }

    [Fact]
    public void A_trial_can_train_data_parallel_on_two_slurm_tasks()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), SweepCliTests.Base);
        File.WriteAllText(Path.Combine(folder, "ranks.yaml"), "extends: base.yaml\nname: two-ranks\nsweep:\n  parameters:\n    seed: [3]\n");
        var result = DeepDslProcess.Run(folder, ["sweep", "ranks.yaml", "--executor", "slurm", "--wait", "--tasks-per-trial", "2", "--runs", "slurm"],
            new Dictionary<string, string>(cluster.Environment) { ["DEEPDSL_DIST_TIMEOUT"] = "30" }, timeoutSeconds: 300);
        Assert.True(result.Exit == 0, $"{result}\n{cluster.LogTails()}");
        var summary = Directory.GetFiles(Path.Combine(folder, "slurm", "two-ranks", "sweep", "trials"), "summary.json", SearchOption.AllDirectories).Single();
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(summary)).RootElement.GetProperty("world_size").GetInt32());
    }

    [Fact]
    public void A_folder_named_with_spaces_quotes_percent_and_shell_commands_runs_its_sweep_and_no_command()
    {
        // The working folder, and so every path in the batch script and its #SBATCH lines. Each command would leave a file behind.
        var hostile = Path.Combine(folder, "w a%A'b\"c $(touch pwned1) ;touch pwned2; `touch pwned3` #é");
        Directory.CreateDirectory(hostile);
        File.WriteAllText(Path.Combine(hostile, "base.yaml"), SweepCliTests.Base.Replace("epochs: 4", "epochs: 1"));
        File.WriteAllText(Path.Combine(hostile, "one.yaml"), "extends: base.yaml\nname: hostile\nsweep:\n  parameters:\n    seed: [2]\n");
        var result = DeepDslProcess.Run(hostile, ["sweep", "one.yaml", "--executor", "slurm", "--wait", "--runs", "r%un's"], cluster.Environment, timeoutSeconds: 300);
        Assert.True(result.Exit == 0, $"{result}\n{cluster.LogTails()}");
        var sweep = Path.Combine(hostile, "r%un's", "hostile", "sweep");
        Assert.Contains("\"completed\"", File.ReadAllText(Directory.GetFiles(Path.Combine(sweep, "trials"), "summary.json", SearchOption.AllDirectories).Single()));
        // Slurm expanded %A_%a into the job's number and task (the folder's own % was kept as it is).
        Assert.Matches(@"^\d+_0\.out$", Path.GetFileName(Directory.GetFiles(Path.Combine(sweep, "slurm"), "*.out").Single()));
        Assert.Empty(Directory.GetFiles(folder, "pwned*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("n\n$(touch pwned1)\n`touch pwned2`;touch pwned3", "a newline")]
    [InlineData("t\t$(touch pwned1)", "a tab")]
    [InlineData("b\\ack", "a backslash")]
    public void A_folder_a_batch_script_cannot_carry_is_refused_with_one_line_before_anything_runs(string name, string what)
    {
        var hostile = Path.Combine(folder, name);
        Directory.CreateDirectory(hostile);
        File.WriteAllText(Path.Combine(hostile, "base.yaml"), SweepCliTests.Base);
        File.WriteAllText(Path.Combine(hostile, "one.yaml"), "extends: base.yaml\nname: refused\nsweep:\n  parameters:\n    seed: [2]\n");
        var result = DeepDslProcess.Run(hostile, ["sweep", "one.yaml", "--executor", "slurm", "--wait"], cluster.Environment, timeoutSeconds: 120);
        DeepDslProcess.AssertUserError(result, $"holds {what}");
        Assert.Contains("the sweep folder ", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(hostile, "runs")));
        Assert.Empty(Directory.GetFiles(folder, "pwned*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_sbatch_option_with_a_control_character_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), SweepCliTests.Base);
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "extends: base.yaml\nname: option\nsweep:\n  parameters:\n    seed: [2]\n");
        var result = DeepDslProcess.Run(folder, ["sweep", "one.yaml", "--executor", "slurm", "--slurm-option", "comment=x\n$(touch pwned)"], cluster.Environment);
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("without control characters", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }

    [Fact]
    public void Sbatch_refusing_the_array_twice_is_one_line_and_costs_no_attempt()
    {
        File.WriteAllText(Path.Combine(folder, "base.yaml"), SweepCliTests.Base.Replace("epochs: 4", "epochs: 1"));
        File.WriteAllText(Path.Combine(folder, "two.yaml"), "extends: base.yaml\nname: refused-twice\nsweep:\n  parameters:\n    seed: [1, 2]\n");
        // A slurm.conf sbatch cannot use: it refuses at once (as with SLURM_CONF unset, where it looks for a controller in DNS).
        File.WriteAllText(Path.Combine(folder, "not-slurm.conf"), "NotASetting=1\n");
        var elsewhere = new Dictionary<string, string> { ["SLURM_CONF"] = Path.Combine(folder, "not-slurm.conf") };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var refused = DeepDslProcess.Run(folder, ["sweep", "two.yaml", "--executor", "slurm", "--wait", "--runs", "slurm"], elsewhere, timeoutSeconds: 120);
            DeepDslProcess.AssertUserError(refused, "sbatch refused the job array");
            Assert.Contains("scripts/slurm-local.sh env", refused.Error);
            Assert.Contains("ClusterName", refused.Error); // sbatch's own words
            Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("failed", refused.Error);
            var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "slurm", "refused-twice", "sweep", "sweep.json"))).RootElement;
            Assert.All(state.GetProperty("trials").EnumerateArray(),
                t => Assert.Equal(("pending", 0), (t.GetProperty("status").GetString(), t.GetProperty("attempts").GetInt32())));
        }
        var submitted = DeepDslProcess.Run(folder, ["sweep", "two.yaml", "--executor", "slurm", "--wait", "--runs", "slurm"], cluster.Environment, timeoutSeconds: 300);
        Assert.True(submitted.Exit == 0, $"{submitted}\n{cluster.LogTails()}");
        Assert.Contains("2 trials as a Slurm job array", submitted.Output);
        var after = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "slurm", "refused-twice", "sweep", "sweep.json"))).RootElement;
        Assert.All(after.GetProperty("trials").EnumerateArray(),
            t => Assert.Equal(("completed", 1), (t.GetProperty("status").GetString(), t.GetProperty("attempts").GetInt32())));
    }

    /// <summary>Each trial's hash, status and best value of the metric, in rank order.</summary>
    private static List<string> Ranking(string runs)
    {
        var board = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs, "clusters-lr", "sweep", "report", "leaderboard.json"))).RootElement;
        return board.GetProperty("trials").EnumerateArray()
            .Select(t => $"{t.GetProperty("hash").GetString()} {t.GetProperty("status").GetString()} {t.GetProperty("metric")} epoch {t.GetProperty("best_epoch")}").ToList();
    }

    // Epoch, rate, loss, accuracy, validation loss and accuracy of the last epoch: everything but its seconds.
    private static string Final(string run) => string.Join(",", File.ReadAllLines(Path.Combine(run, "metrics.csv")).Last().Split(',').Take(6));
}
