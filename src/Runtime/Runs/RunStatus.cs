using DeepDsl.Reporting;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// How a run stands — running while it trains, then how it ended — declared once, with what each status means: whether the
/// run is done (a sweep does not start it again) and the exit code `deepdsl run` ends with. Records store <see cref="Name"/>
/// (summary.json's and sweep.json's "status"), so the records already written read unchanged.
/// </summary>
public sealed record RunStatus(string Name, bool Finished, int ExitCode)
{
    public static readonly RunStatus Running = new("running", Finished: false, ExitCodes.Ok);
    public static readonly RunStatus Completed = new(TrainingStatus.Completed.Name, Finished: true, ExitCodes.Ok);
    public static readonly RunStatus EarlyStopped = new(TrainingStatus.EarlyStopped.Name, Finished: true, ExitCodes.Ok);

    /// <summary>Stopped by a sweep's ASHA rung: the trial is done, as a completed one.</summary>
    public static readonly RunStatus EarlyTerminated = new(TrainingStatus.EarlyTerminated.Name, Finished: true, ExitCodes.Ok);

    /// <summary>The loss became NaN or infinite: done (a rerun would diverge again), but a failure.</summary>
    public static readonly RunStatus Diverged = new(TrainingStatus.Diverged.Name, Finished: true, ExitCodes.Failed);

    /// <summary>A person or a scheduler stopped it: not done, `run --resume` (or the next sweep command) goes on.</summary>
    public static readonly RunStatus Interrupted = new(TrainingStatus.Interrupted.Name, Finished: false, ExitCodes.Interrupted);

    public static IReadOnlyList<RunStatus> All { get; } = [Running, Completed, EarlyStopped, EarlyTerminated, Diverged, Interrupted];

    /// <summary>The names records may hold.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The status a record names, or null for a name no status has (a damaged record: its reader reports it).</summary>
    public static RunStatus? Find(string? name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The status of a run whose training ended so.</summary>
    public static RunStatus Of(TrainingStatus status) => Of(status.Name);

    /// <summary>The status of a record already checked (<see cref="RunSummary.Problem"/>): any other name is a bug.</summary>
    public static RunStatus Of(string name) =>
        Find(name) ?? throw new InvalidOperationException($"internal error: run status '{name}' was not checked against the statuses");

    public override string ToString() => Name;
}
