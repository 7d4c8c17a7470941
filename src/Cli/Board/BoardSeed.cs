namespace DeepDsl.Cli.Board;

/// <summary>One seed's value of the sweep's metric in a <see cref="BoardSeedGroup"/>.</summary>
internal sealed record BoardSeed(string Seed, double? Metric);
