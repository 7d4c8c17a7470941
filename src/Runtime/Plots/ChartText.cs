namespace DeepDsl.Plots;

/// <summary>
/// A label placed in a chart: where its anchor is, how it is aligned ("start", "middle", "end"), its size,
/// whether it runs upwards (the y-axis title), and the box it is estimated to cover (<see cref="TextMetrics"/>).
/// </summary>
public sealed record ChartText(TextRole Role, string Text, double X, double Y, string Anchor, double Size, bool Vertical = false)
{
    public Box Box
    {
        get
        {
            var width = TextMetrics.Width(Text, Size);
            var start = Anchor switch { "middle" => -width / 2, "end" => -width, _ => 0 };
            // Rotated by -90° about its anchor: the text runs up the page and its ascent points left.
            return Vertical
                ? new Box(X - TextMetrics.Ascent * Size, Y - start - width, X + TextMetrics.Descent * Size, Y - start)
                : new Box(X + start, Y - TextMetrics.Ascent * Size, X + start + width, Y + TextMetrics.Descent * Size);
        }
    }
}
