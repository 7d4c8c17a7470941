namespace DeepDsl.Cli.Board;

/// <summary>
/// One row of the runs table: a run's key numbers from its summary.json, or, while it has none or it is damaged, its status
/// (unknown, damaged) and why. Numbers that are not (NaN) are null, which JSON and the page both take as "none".
/// <see cref="Finished"/>: its status is one a run ends with (<see cref="Runs.RunStatus.Finished"/>), so its page stops polling.
/// </summary>
internal sealed record BoardRun(
    string Experiment,
    string Id,
    string Status,
    int? Epochs,
    string? Monitor,
    double? Best,
    int? BestEpoch,
    double? TestAccuracy,
    DateTimeOffset? Started,
    string? Engine,
    string? Device,
    string? StopReason,
    string? Problem,
    bool Finished);
