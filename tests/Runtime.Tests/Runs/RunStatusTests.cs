using DeepDsl.Reporting;
using DeepDsl.Runs;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>Run statuses are one type; the names records hold are unchanged, so every run already committed reads as before.</summary>
public sealed class RunStatusTests
{
    [Fact]
    public void The_names_records_hold_are_the_ones_written_before_statuses_were_a_type() =>
        Assert.Equal(["running", "completed", "early_stopped", "early_terminated", "diverged", "interrupted"], RunStatus.Names);

    [Theory]
    [MemberData(nameof(RecordDoorTests.CommittedRuns), MemberType = typeof(RecordDoorTests))]
    public void Every_committed_run_has_a_status_the_type_knows(string run)
    {
        var summary = new RunDirectory(Path.Combine(Repository.Root, run)).ReadSummary()!;
        Assert.True(RunStatus.Of(summary.Status).Finished, $"{run}: {summary.Status}");
    }

    [Fact]
    public void Each_status_says_whether_a_sweep_runs_it_again_and_how_deepdsl_run_exits()
    {
        Assert.Equal([RunStatus.Completed, RunStatus.EarlyStopped, RunStatus.EarlyTerminated, RunStatus.Diverged], RunStatus.All.Where(s => s.Finished));
        Assert.Equal(ExitCodes.Interrupted, RunStatus.Interrupted.ExitCode);
        Assert.Equal(ExitCodes.Failed, RunStatus.Diverged.ExitCode);
        Assert.Null(RunStatus.Find("pwned"));
        Assert.Throws<InvalidOperationException>(() => RunStatus.Of("pwned"));
    }
}
