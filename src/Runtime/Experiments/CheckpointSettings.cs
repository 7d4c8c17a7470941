namespace DeepDsl.Experiments;

/// <summary>
/// Which checkpoints a run keeps: the best by <paramref name="Monitor"/>, and the last epoch's (to resume). A null monitor is the
/// language's default for the data (DeepDsl.Dsl.Schema.MonitorDefault: val_loss with a validation set, loss without), which
/// the run resolves; generated experiments always name the metric.
/// </summary>
public sealed record CheckpointSettings(string? Monitor = null, MonitorMode Mode = MonitorMode.Auto, bool SaveBest = true, bool SaveLast = true);
