namespace DeepDsl.Cli.Board;

/// <summary>
/// One trial on a sweep's page, in leaderboard order: its <see cref="Rank"/> (null while it has no value of the metric), index,
/// hash and values; its status and the value of the sweep's metric at the epoch it keeps (as `deepdsl sweep report` ranks
/// it), the epochs it ran; whether ASHA stopped it and at which rung (null when asha.json does not record it); whether the
/// board serves its run folder (<see cref="Run"/>: its page is /sweeps/NAME/trials/HASH); why its records could not be read.
/// </summary>
internal sealed record BoardSweepTrial(
    int? Rank,
    int Index,
    string Hash,
    IReadOnlyDictionary<string, string> Values,
    string Status,
    double? Metric,
    int? BestEpoch,
    int? Epochs,
    double? TestAccuracy,
    bool StoppedByAsha,
    int? AshaRung,
    bool Run,
    string? Problem);
