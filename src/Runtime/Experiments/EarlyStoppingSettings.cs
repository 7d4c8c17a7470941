namespace DeepDsl.Experiments;

/// <summary>Stop when <paramref name="Monitor"/> has not improved by more than <paramref name="MinDelta"/> for <paramref name="Patience"/> epochs.</summary>
public sealed record EarlyStoppingSettings(string Monitor = "val_loss", MonitorMode Mode = MonitorMode.Auto, int Patience = 10,
    double MinDelta = 0, bool RestoreBest = true);
