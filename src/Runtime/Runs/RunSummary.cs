using DeepDsl.Runs.Records;

namespace DeepDsl.Runs;

/// <summary>summary.json: how a run ended, the per-channel statistics its data was normalized with (data.augment.normalize), its best epoch (the kept checkpoint's, <see cref="KeptEpoch"/>) with its metrics and the metric its checkpoint monitors, test metrics, timing, device, versions, how many ranks trained it, and with how many CPU threads each (the results depend on it in the last bits).</summary>
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
    int Threads = 1,
    string? Monitor = null,
    Data.NormalizationStatistics? Normalization = null)
{
    /// <summary>
    /// What makes this summary unusable (a crafted or damaged summary.json), or null when it is sound: the door
    /// <see cref="RunDirectory.ReadSummary"/> refuses a summary for which this says anything.
    /// </summary>
    public string? Problem() =>
        RecordCheck.Text(Experiment, "experiment", 100)
        // Shown and compared, never a path: any short text a terminal can take.
        ?? RecordCheck.Text(SpecHash, "spec_hash", 64)
        ?? RecordCheck.Text(SpecFile, "spec_file", 4096)
        ?? RecordCheck.OneOf(Status, "status", RunStatus.Names)
        ?? RecordCheck.OptionalText(StopReason, "stop_reason", 4096)
        ?? RecordCheck.Whole(EpochsRun, "epochs_run", 0, int.MaxValue)
        // -1 until an epoch has a monitored value; then an epoch that ran.
        ?? (BestEpoch == -1 ? null : RecordCheck.Whole(BestEpoch, "best_epoch", 1, EpochsRun))
        ?? RecordCheck.Metrics(Best, "best")
        ?? RecordCheck.Metrics(Test, "test", "accuracy")
        ?? RecordCheck.FiniteNonNegative(WallSeconds, "wall_seconds")
        ?? RecordCheck.FiniteNonNegative(SecondsPerEpoch, "seconds_per_epoch")
        ?? RecordCheck.Text(Device, "device", 100)
        ?? RecordCheck.TextMap(Versions, "versions", 64, 1000)
        ?? RecordCheck.Whole(WorldSize, "world_size", 1, 1 << 20)
        ?? RecordCheck.Whole(Threads, "threads", 1, 1 << 16)
        // Absent from summaries written before it was recorded.
        ?? (Monitor is null ? null : RecordCheck.OneOf(Monitor, "monitor", RecordCheck.MetricNames))
        ?? (Normalization is null ? null : RecordCheck.Statistics(Normalization.Mean, Normalization.Std, "normalization"));
}
