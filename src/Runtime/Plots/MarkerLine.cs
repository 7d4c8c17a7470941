namespace DeepDsl.Plots;

/// <summary>A vertical marker (a suggestion, the best epoch): drawn from <paramref name="Top"/>, below every label that crosses it, to the plot's bottom.</summary>
public sealed record MarkerLine(string Label, double X, double Top, double Bottom);
