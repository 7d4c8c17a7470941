namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// One trial in sweep.json: its index and hash, the values it sets, how many of its attempts ended (interrupted ones
/// excepted: a person or a scheduler stopped them), and how it ended.
/// </summary>
internal sealed record TrialState(int Index, string Hash, IReadOnlyDictionary<string, string> Values, int Attempts, string Status)
{
    /// <summary>Statuses of a trial whose run says it is done; a trial neither done, failed nor running is started (again) by the next sweep command.</summary>
    public static bool IsFinished(string status) => status is "completed" or "early_stopped" or "early_terminated" or "diverged";

    /// <summary>Running: a process trains the trial now (its run.lock is held), started by this command or another.</summary>
    public const string Pending = "pending", Running = "running", Failed = "failed";

    /// <summary>How many attempts of a trial may end unfinished before the sweep reports it as failed: once, and one retry.</summary>
    public const int MaxAttempts = 2;
}
