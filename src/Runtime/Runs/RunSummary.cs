namespace DeepDsl.Runs;

/// <summary>summary.json: how a run ended, its best epoch and metrics, test metrics, timing, device, versions, how many ranks trained it, and with how many CPU threads each (the results depend on it in the last bits).</summary>
public sealed record RunSummary(
    string Experiment,
    string SpecHash,
    string SpecFile,
    string Status,
    string? StopReason,
    int EpochsRun,
    int BestEpoch,
    IReadOnlyDictionary<string, double>? Best,
    IReadOnlyDictionary<string, double>? Test,
    double WallSeconds,
    double SecondsPerEpoch,
    string Device,
    ulong Seed,
    IReadOnlyDictionary<string, string> Versions,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    int WorldSize = 1,
    int Threads = 1);
