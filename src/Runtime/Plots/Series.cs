namespace DeepDsl.Plots;

/// <summary>One line of a chart: a name, its points, and whether it is drawn dashed.</summary>
public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false, string? Color = null);
