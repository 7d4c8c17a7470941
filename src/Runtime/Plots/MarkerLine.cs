namespace DeepDsl.Plots;

/// <summary>
/// A vertical marker (a suggestion, the best epoch) at <paramref name="X"/>: drawn in segments from just below its own
/// label to the plot's bottom, broken where another marker's label crosses it.
/// </summary>
public sealed record MarkerLine(string Label, double X, IReadOnlyList<(double Top, double Bottom)> Segments);
