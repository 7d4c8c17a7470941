using System.Diagnostics;
using System.Text.Json;

namespace DeepDsl.Generator.Tests;

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
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(metrics) && File.ReadAllLines(metrics).Length >= 3))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the trial did not finish two epochs\n{cluster.LogTails()}");
            Thread.Sleep(200);
        }
        var requeue = cluster.Run($"scontrol requeue {job}_0", folder);
        Assert.True(requeue.Exit == 0, requeue.ToString());
        while (cluster.Run($"squeue -h -j {job}", folder).Output.Trim().Length > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(240), $"the requeued trial did not finish\n{cluster.LogTails()}");
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
