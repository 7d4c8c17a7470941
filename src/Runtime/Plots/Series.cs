namespace DeepDsl.Plots;

/// <summary>One series of a chart: a name, its points, how it is drawn, and its colour (the palette's by position when null).</summary>
public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, SeriesKind Kind = SeriesKind.Line, string? Color = null);
