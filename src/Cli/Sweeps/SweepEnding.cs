using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Sweeps;

/// <summary>What `deepdsl sweep` prints and exits with once its executor returns: the report, then which trials failed or are left.</summary>
internal static class SweepEnding
{
    public static int Report(SweepSession session, SweepOutcome outcome, TextWriter output, TextWriter error)
    {
        if (outcome == SweepOutcome.Submitted) return ExitCodes.Ok;
        SweepReport.Write(session.Folder, session.State, output);
        var failed = session.State.Trials.Count(t => t.Status == TrialState.Failed);
        if (failed > 0) error.WriteLine($"deepdsl: error: {failed} trial(s) failed twice; their logs are in {session.Folder.Logs}");
        var left = session.State.Trials.Count(t => SweepSession.IsRunnable(t) || t.Status == TrialState.Running);
        if (outcome != SweepOutcome.Ended && failed == 0 && left > 0)
            error.WriteLine($"deepdsl: error: {left} trial(s) did not run to the end (never started, or running in another process); run the sweep again to continue them");
        return outcome == SweepOutcome.Ended && failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
