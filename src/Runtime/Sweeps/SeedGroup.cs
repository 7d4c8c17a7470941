namespace DeepDsl.Sweeps;

/// <summary>Trials that differ only in their seed: the metric's mean and sample standard deviation over the seeds, and each seed's value.</summary>
public sealed record SeedGroup(IReadOnlyDictionary<string, string> Values, double Mean, double Std, IReadOnlyList<(string Seed, double Metric)> Seeds);
