namespace DeepDsl.Experiments;

/// <summary>Which checkpoints a run keeps: the best by <paramref name="Monitor"/>, and the last epoch's (to resume).</summary>
public sealed record CheckpointSettings(string Monitor = "val_loss", MonitorMode Mode = MonitorMode.Auto, bool SaveBest = true, bool SaveLast = true);
