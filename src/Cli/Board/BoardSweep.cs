namespace DeepDsl.Cli.Board;

/// <summary>
/// One row of the sweeps table: the sweep's name, the metric it ranks by and which way, whether ASHA stops weak trials, how
/// many trials it has and how many are done (finished or failed), how many stand in each status, and the best trial's value.
/// A sweep.json that cannot be read leaves only the name and its reader's message (<see cref="Problem"/>).
/// <see cref="Finished"/>: every trial is done, so nothing on its page can change and the page stops polling.
/// </summary>
internal sealed record BoardSweep(
    string Name,
    string? Metric,
    bool Maximize,
    bool Asha,
    int Trials,
    int Done,
    IReadOnlyDictionary<string, int> Statuses,
    double? Best,
    bool Finished,
    string? Problem);
