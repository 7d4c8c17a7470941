namespace DeepDsl.LearningRateSearch;

/// <summary>The sweep's points (rate, batch loss, smoothed loss), why it stopped, and the suggested rates.</summary>
public sealed record LrFinderResult(IReadOnlyList<(double Lr, double Loss, double Smoothed)> Points, string? StoppedEarly,
    double Minimum, double MinimumOverTen, double Steepest, double Valley);
