namespace DeepDsl.Plots;

/// <summary>How a series is drawn: a line through its points in order, or separate markers (trials, which no line connects).</summary>
public enum SeriesKind
{
    Line,
    DashedLine,
    Scatter,
}
