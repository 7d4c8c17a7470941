namespace DeepDsl.Cli.Board;

/// <summary>One trial in a <see cref="BoardSweepChart"/>: its index, where it lies on the parameter's axis, its metric, and whether ASHA stopped it.</summary>
internal sealed record BoardSweepPoint(int Trial, double X, double Metric, bool Stopped);
