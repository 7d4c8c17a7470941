namespace DeepDsl.Experiments;

/// <summary>
/// Stop when <paramref name="Monitor"/> has not improved by more than <paramref name="MinDelta"/> for <paramref name="Patience"/> epochs.
/// A null monitor is the language's default for the data (as in <see cref="CheckpointSettings"/>), which the run resolves.
/// </summary>
public sealed record EarlyStoppingSettings(string? Monitor = null, MonitorMode Mode = MonitorMode.Auto, int Patience = 10,
    double MinDelta = 0, bool RestoreBest = true);
