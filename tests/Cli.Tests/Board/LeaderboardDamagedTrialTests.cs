using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// <see cref="Leaderboard.Of(SweepFolder, SweepState, Action{TrialState, string}?)"/> over a copy of a real sweep whose
/// second trial's metrics.csv is damaged: given somewhere to report it, the leaderboard leaves that trial out with its
/// reader's message and ranks the others as the intact sweep does; without, it fails naming the file (as `sweep report` does).
/// </summary>
[Collection("board sweep")]
public sealed class LeaderboardDamagedTrialTests(BoardSweepRuns sweep) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-leaderboard-").FullName;

    private (SweepFolder Folder, string Metrics) Damaged()
    {
        var copy = new SweepFolder(Path.Combine(folder, "sweep"));
        FinishedSweep.CopyFolder(sweep.Sweep.Path, copy.Path);
        var metrics = new RunDirectory(copy.TrialRun(sweep.Hashes[1])).MetricsFile;
        File.WriteAllText(metrics, "epoch,loss\n1,not-a-number\n");
        return (copy, metrics);
    }

    [Fact]
    public void A_damaged_trial_is_reported_and_left_out_and_the_others_keep_their_order()
    {
        var (copy, metrics) = Damaged();
        var damaged = new List<(int Index, string Message)>();
        var board = Leaderboard.Of(copy, sweep.State, (trial, message) => damaged.Add((trial.Index, message)));
        var (index, message) = Assert.Single(damaged);
        Assert.Equal(sweep.State.Trials.Single(t => t.Hash == sweep.Hashes[1]).Index, index);
        Assert.Contains(metrics, message);
        Assert.Equal(sweep.Leaderboard.Trials.Where(t => t.Hash != sweep.Hashes[1]).Select(t => (t.Hash, t.Metric)), board.Trials.Select(t => (t.Hash, t.Metric)));
    }

    [Fact]
    public void Without_a_report_a_damaged_trial_fails_the_leaderboard_naming_its_file()
    {
        var (copy, metrics) = Damaged();
        var error = Assert.ThrowsAny<Exception>(() => Leaderboard.Of(copy, sweep.State));
        Assert.True(error is RunException or InvalidDataException or IOException, error.ToString());
        Assert.Contains(metrics, error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
