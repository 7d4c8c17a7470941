namespace DeepDsl.Sweeps;

/// <summary>One trial's line of the leaderboard: its values, its best value of the sweep's metric and when, how long it ran, how it ended.</summary>
public sealed record TrialResult(int Index, string Hash, IReadOnlyDictionary<string, string> Values, double Metric, int BestEpoch, int Epochs,
    double Seconds, double? TestAccuracy, string Status);
