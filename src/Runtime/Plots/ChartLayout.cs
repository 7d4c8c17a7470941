namespace DeepDsl.Plots;

/// <summary>
/// Where everything in one chart goes, decided before anything is drawn: the plot frame, the axes, every
/// label with its box, and the marker lines. The SVG is written from it, and tests check it for overlaps.
/// </summary>
public sealed record ChartLayout(double Width, double Height, Box Plot, Axis X, Axis Y, IReadOnlyList<Tick> XTicks, IReadOnlyList<Tick> YTicks,
    IReadOnlyList<ChartText> Texts, IReadOnlyList<MarkerLine> Markers, IReadOnlyList<(Series Series, double X, double Y)> Legend)
{
    public double Px(double value) => Plot.Left + X.Fraction(value) * Plot.Width;

    public double Py(double value) => Plot.Bottom - Y.Fraction(value) * (Plot.Bottom - Plot.Top);
}
