using System.Text.Json;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl runs NAME` lists the experiment's runs and the trials of its sweep; a finished sweep holds no lock files in its runs (issue 19 item 11).</summary>
[Collection("finished sweep")]
public sealed class RunsOfSweepCliTests(FinishedSweep sweep)
{
    [Fact]
    public void Runs_NAME_lists_every_trial_of_the_sweep_with_its_run_folder()
    {
        var crafted = sweep.NewCase("runs-of-sweep");
        var result = DeepDslProcess.Run(crafted.Root, "runs", "records", "--json");
        Assert.True(result.Exit == 0, result.ToString());
        var listed = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(crafted.Hashes.Select(h => $"records/sweep/trials/{h}").Prepend($"records/20260101-000000-{crafted.Hash}").Order(),
            listed.Select(r => r.GetProperty("name").GetString()!).Order());
        var trial = listed.Single(r => r.GetProperty("name").GetString() == $"records/sweep/trials/{crafted.Hash}");
        Assert.Equal(crafted.TrialRun, trial.GetProperty("path").GetString());
        Assert.Equal("completed", trial.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public void A_finished_sweep_leaves_no_run_lock_in_its_trial_runs()
    {
        var trials = Directory.GetDirectories(Path.Combine(sweep.Folder, "runs", "records", "sweep", "trials"));
        Assert.Equal(sweep.Hashes.Count, trials.Length);
        Assert.All(trials, t => Assert.False(File.Exists(Path.Combine(t, "run.lock")), t));
    }

    [Fact]
    public void The_status_filter_reaches_the_trials()
    {
        var crafted = sweep.NewCase("runs-of-sweep-status");
        var result = DeepDslProcess.Run(crafted.Root, "runs", "records", "--status", "completed");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"records/sweep/trials/{crafted.Hash}", result.Output);
    }
}
