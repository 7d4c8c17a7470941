using System.Globalization;
using System.Xml.Linq;

namespace DeepDsl.Plots;

/// <summary>
/// A dependency-free chart rendered as standalone SVG: lines or markers per series (non-finite points
/// skipped; clipped to the plot when <paramref name="YRange"/> narrows the y-axis to the part worth
/// reading), axes from <see cref="Axis"/> (log10 x when asked, whole numbers only for counts), a legend,
/// optional vertical markers with labels. <see cref="Layout"/> decides every position first, measuring
/// labels (<see cref="TextMetrics"/>) so that tick labels, axis titles, legend and marker labels keep
/// apart; the SVG is written from that layout. Invariant culture throughout, so the file is the same on every machine.
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, bool LogX = false,
    IReadOnlyList<(double X, string Label)>? Markers = null, double Width = 640, double Height = 400,
    (double Min, double Max)? YRange = null, bool IntegerX = false)
{
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    private const double FontSize = 12, TitleSize = 14, Gap = 8, TickLength = 5, Swatch = 24, LegendRow = 18, MarkerRadius = 3.5;

    public string ToSvg() => Element(0, 0).ToString();

    private AxisKind XKind => LogX ? AxisKind.Log : IntegerX ? AxisKind.Integer : AxisKind.Linear;

    /// <summary>Every position in the chart, decided from the data and the measured labels.</summary>
    public ChartLayout Layout()
    {
        var points = Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y) && Axis.Plottable(XKind, p.X)).ToList();
        // Lines run to the frame at whole-number ends (epochs); markers keep a margin so none sits on the frame.
        var x = Axis.Fit(points.Select(p => p.X), XKind, margin: XKind != AxisKind.Integer || Series.Any(s => s.Kind == SeriesKind.Scatter));
        var y = YRange is { } r && r.Max > r.Min ? new Axis(AxisKind.Linear, r.Min, r.Max) : Axis.Fit(points.Select(p => p.Y), AxisKind.Linear);

        var text = TextMetrics.Height(FontSize);
        var named = Series.Where(s => s.Name.Length > 0).ToList();
        var entryWidths = named.Select(s => Swatch + 4 + TextMetrics.Width(s.Name, FontSize)).ToList();
        var widest = entryWidths.DefaultIfEmpty(0).Max();
        var top = Gap + TextMetrics.Height(TitleSize) + Gap;
        // A legend narrower than a third of the chart goes on the right; a wider one (long run names) below, in rows.
        var legendRight = named.Count > 0 && widest + 2 * Gap <= Width / 3 && top + 10 + named.Count * LegendRow <= Height * 0.75;
        var right = legendRight ? widest + 2 * Gap + Gap : 2 * Gap;
        var legendRows = legendRight || named.Count == 0 ? [] : PackRows(entryWidths, Width - 2 * Gap);
        var bottom = TickLength + 3 + text + 6 + text + Gap + legendRows.Count * LegendRow;

        // At least 36 px between y ticks; the left margin holds the y-axis title and, beside it, the widest tick label.
        var yTicks = y.Ticks((int)Math.Floor((Height - top - bottom) / 36));
        var left = Gap + text + Gap + yTicks.Select(t => TextMetrics.Width(t.Label, FontSize)).DefaultIfEmpty(0).Max() + 3 + TickLength;
        var plot = new Box(left, top, Width - right, Height - bottom);
        var layout = new ChartLayout(Width, Height, plot, x, y, [], yTicks, [], [], []);

        var texts = new List<ChartText>();
        var title = new ChartText(TextRole.Title, TextMetrics.Truncate(Title, TitleSize, Width - 2 * Gap), plot.Left + plot.Width / 2, Gap + TextMetrics.Ascent * TitleSize, "middle", TitleSize);
        if (title.Box.Left < Gap || title.Box.Right > Width - Gap) title = title with { X = Width / 2 };
        texts.Add(title);
        var xTickBaseline = plot.Bottom + TickLength + 3 + TextMetrics.Ascent * FontSize;
        texts.Add(new ChartText(TextRole.XTitle, TextMetrics.Truncate(XLabel, FontSize, plot.Width), plot.Left + plot.Width / 2, xTickBaseline + TextMetrics.Descent * FontSize + 6 + TextMetrics.Ascent * FontSize, "middle", FontSize));
        texts.Add(new ChartText(TextRole.YTitle, TextMetrics.Truncate(YLabel, FontSize, plot.Bottom - plot.Top), Gap + TextMetrics.Ascent * FontSize, plot.Top + (plot.Bottom - plot.Top) / 2, "middle", FontSize, Vertical: true));
        texts.AddRange(yTicks.Select(t => new ChartText(TextRole.YTick, t.Label, plot.Left - TickLength - 3, layout.Py(t.Value) + 4, "end", FontSize)));
        var xTicks = XTicks(layout, xTickBaseline);
        texts.AddRange(xTicks.Select(t => new ChartText(TextRole.XTick, t.Label, layout.Px(t.Value), xTickBaseline, "middle", FontSize)));

        var legend = new List<(Series, double, double)>();
        if (legendRight)
            legend.AddRange(named.Select((s, i) => (s, plot.Right + Gap, plot.Top + 10 + i * LegendRow)));
        else
        {
            var rowTop = Height - Gap - legendRows.Count * LegendRow + LegendRow / 2;
            var index = 0;
            foreach (var (row, rowIndex) in legendRows.Select((row, i) => (row, i)))
            {
                var at = Gap;
                foreach (var _ in Enumerable.Range(0, row))
                {
                    legend.Add((named[index], at, rowTop + rowIndex * LegendRow));
                    at += entryWidths[index++] + 2 * Gap;
                }
            }
        }
        texts.AddRange(legend.Select(l => new ChartText(TextRole.Legend, TextMetrics.Truncate(l.Item1.Name, FontSize, Width - Gap - (l.Item2 + Swatch + 4)), l.Item2 + Swatch + 4, l.Item3 + 4, "start", FontSize)));

        var (markerTexts, markerLines) = PlaceMarkers(layout, text);
        texts.AddRange(markerTexts);
        return layout with { XTicks = xTicks, Texts = texts, Markers = markerLines, Legend = legend };
    }

    /// <summary>The most ticks whose labels keep a gap between them and stay inside the chart.</summary>
    private IReadOnlyList<Tick> XTicks(ChartLayout layout, double baseline)
    {
        for (var count = Math.Max(2, (int)(layout.Plot.Width / 45)); ; count--)
        {
            var ticks = layout.X.Ticks(count).Where(t => layout.X.Fraction(t.Value) is >= -1e-9 and <= 1 + 1e-9).ToList();
            var boxes = ticks.Select(t => new ChartText(TextRole.XTick, t.Label, layout.Px(t.Value), baseline, "middle", FontSize).Box).ToList();
            var apart = boxes.Zip(boxes.Skip(1)).All(p => p.Second.Left - p.First.Right >= Gap);
            var inside = boxes.All(b => b.Left >= 0 && b.Right <= Width);
            if (apart && inside || count <= 2) return ticks;
        }
    }

    /// <summary>How many legend entries go on each row below the plot, filling rows left to right.</summary>
    private static List<int> PackRows(IReadOnlyList<double> widths, double room)
    {
        var rows = new List<int>();
        double used = double.PositiveInfinity;
        foreach (var w in widths)
        {
            if (used + 2 * Gap + w > room) { rows.Add(0); used = -2 * Gap; }
            rows[^1]++;
            used += 2 * Gap + w;
        }
        return rows;
    }

    /// <summary>
    /// Marker labels go, in order of x, beside their line (to its right, or to its left near the plot's right edge), on
    /// the first row below every label that already crosses their line and clear of the labels on that row. Each line
    /// starts just below its own label and is broken where another label crosses it, so no label lies on a line.
    /// </summary>
    private (List<ChartText>, List<MarkerLine>) PlaceMarkers(ChartLayout layout, double text)
    {
        var plot = layout.Plot;
        var placed = new List<(string Label, double Px, ChartText Text)>();
        foreach (var (mx, label) in (Markers ?? []).Where(m => layout.X.Shows(m.X)).OrderBy(m => m.X))
        {
            var px = layout.Px(mx);
            var width = TextMetrics.Width(label, FontSize);
            var rightAligned = px + 3 + width > plot.Right && px - 3 - width >= plot.Left;
            var below = placed.Where(p => Widened(p.Text.Box).Left <= px && px <= Widened(p.Text.Box).Right).Select(p => p.Text.Box.Bottom).DefaultIfEmpty(plot.Top).Max();
            for (var row = 0; ; row++)
            {
                var candidate = new ChartText(TextRole.Marker, label, rightAligned ? px - 3 : px + 3, plot.Top + 3 + TextMetrics.Ascent * FontSize + row * (text + 2),
                    rightAligned ? "end" : "start", FontSize);
                var box = candidate.Box;
                if (box.Top < below || placed.Any(p => Widened(p.Text.Box).Intersects(box))) continue;
                placed.Add((label, px, candidate));
                break;
            }
        }
        var lines = new List<MarkerLine>();
        foreach (var (label, px, own) in placed)
        {
            var crossing = placed.Select(p => p.Text.Box).Where(b => b.Left - 2 <= px && px <= b.Right + 2 && b.Top > own.Box.Bottom).OrderBy(b => b.Top).ToList();
            var segments = new List<(double, double)>();
            var from = own.Box.Bottom + 2;
            foreach (var b in crossing)
            {
                if (b.Top - 2 > from) segments.Add((from, b.Top - 2));
                from = Math.Max(from, b.Bottom + 2);
            }
            if (plot.Bottom > from) segments.Add((from, plot.Bottom));
            lines.Add(new MarkerLine(label, px, segments));
        }
        return (placed.Select(p => p.Text).ToList(), lines);
    }

    private static Box Widened(Box box) => box with { Left = box.Left - 4, Right = box.Right + 4 };

    /// <summary>The chart as an svg element placed at (x, y), to compose several charts in one figure.</summary>
    public XElement Element(double x, double y)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var layout = Layout();
        var plot = layout.Plot;
        var root = new XElement(svg + "svg", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(Width)), new XAttribute("height", N(Height)),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", N(FontSize)));
        root.Add(new XElement(svg + "rect", new XAttribute("width", N(Width)), new XAttribute("height", N(Height)), new XAttribute("fill", "white")));
        root.Add(new XElement(svg + "rect", new XAttribute("x", N(plot.Left)), new XAttribute("y", N(plot.Top)), new XAttribute("width", N(plot.Width)),
            new XAttribute("height", N(plot.Bottom - plot.Top)), new XAttribute("fill", "none"), new XAttribute("stroke", "#444")));
        // Lines outside a narrowed y-range are cut at the frame; ids must be unique in a page holding several figures.
        var clipId = $"plot-{StableHash(Title)}-{N(x)}-{N(y)}".Replace('.', '_');
        root.Add(new XElement(svg + "clipPath", new XAttribute("id", clipId),
            new XElement(svg + "rect", new XAttribute("x", N(plot.Left - MarkerRadius)), new XAttribute("y", N(plot.Top)),
                new XAttribute("width", N(plot.Width + 2 * MarkerRadius)), new XAttribute("height", N(plot.Bottom - plot.Top)))));
        foreach (var tick in layout.XTicks)
        {
            var px = layout.Px(tick.Value);
            root.Add(Line(svg, px, plot.Bottom, px, plot.Bottom + TickLength, "#444"), Line(svg, px, plot.Top, px, plot.Bottom, "#eee"));
        }
        foreach (var tick in layout.YTicks)
        {
            var py = layout.Py(tick.Value);
            root.Add(Line(svg, plot.Left - TickLength, py, plot.Left, py, "#444"), Line(svg, plot.Left, py, plot.Right, py, "#eee"));
        }
        foreach (var marker in layout.Markers)
            foreach (var (from, to) in marker.Segments)
                root.Add(new XElement(svg + "line", new XAttribute("x1", N(marker.X)), new XAttribute("y1", N(from)), new XAttribute("x2", N(marker.X)),
                    new XAttribute("y2", N(to)), new XAttribute("stroke", "#888"), new XAttribute("stroke-dasharray", "2,3"), new XAttribute("data-marker", marker.Label)));
        for (var i = 0; i < Series.Count; i++) root.Add(SeriesElement(svg, layout, Series[i], Color(i), clipId));
        foreach (var (series, lx, ly) in layout.Legend) root.Add(LegendSwatch(svg, series, Color(Series.Select((s, i) => (s, i)).First(p => ReferenceEquals(p.s, series)).i), lx, ly));
        foreach (var label in layout.Texts) root.Add(Text(svg, label));
        return root;
    }

    private string Color(int index) => Series[index].Color ?? Palette[index % Palette.Length];

    private static XElement SeriesElement(XNamespace svg, ChartLayout layout, Series series, string color, string clipId)
    {
        var shown = series.Points.Where(p => double.IsFinite(p.Y) && layout.X.Shows(p.X)).ToList();
        if (series.Kind == SeriesKind.Scatter)
            return new XElement(svg + "g", new XAttribute("data-series", series.Name), new XAttribute("fill", color), new XAttribute("clip-path", $"url(#{clipId})"),
                new XElement(svg + "title", series.Name),
                shown.Select(p => new XElement(svg + "circle", new XAttribute("cx", N(layout.Px(p.X))), new XAttribute("cy", N(layout.Py(p.Y))), new XAttribute("r", N(MarkerRadius)),
                    new XElement(svg + "title", $"{NumberFormat.Of(p.X)}: {NumberFormat.Of(p.Y)}"))));
        var line = new XElement(svg + "polyline", new XAttribute("data-series", series.Name), new XAttribute("fill", "none"), new XAttribute("stroke", color),
            new XAttribute("stroke-width", "1.8"), new XAttribute("points", string.Join(" ", shown.Select(p => $"{N(layout.Px(p.X))},{N(layout.Py(p.Y))}"))),
            new XAttribute("clip-path", $"url(#{clipId})"), new XElement(svg + "title", series.Name));
        if (series.Kind == SeriesKind.DashedLine) line.Add(new XAttribute("stroke-dasharray", "6,4"));
        return line;
    }

    private static XElement LegendSwatch(XNamespace svg, Series series, string color, double x, double y)
    {
        if (series.Kind == SeriesKind.Scatter)
            return new XElement(svg + "circle", new XAttribute("cx", N(x + Swatch / 2)), new XAttribute("cy", N(y)), new XAttribute("r", N(MarkerRadius)), new XAttribute("fill", color));
        var line = Line(svg, x, y, x + Swatch, y, color);
        line.Add(new XAttribute("stroke-width", "1.8"));
        if (series.Kind == SeriesKind.DashedLine) line.Add(new XAttribute("stroke-dasharray", "6,4"));
        return line;
    }

    private static XElement Line(XNamespace svg, double x1, double y1, double x2, double y2, string color) =>
        new(svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)), new XAttribute("stroke", color));

    private static XElement Text(XNamespace svg, ChartText label)
    {
        var element = new XElement(svg + "text", new XAttribute("data-role", Role(label.Role)), new XAttribute("text-anchor", label.Anchor));
        if (label.Vertical) element.Add(new XAttribute("transform", $"translate({N(label.X)},{N(label.Y)}) rotate(-90)"));
        else element.Add(new XAttribute("x", N(label.X)), new XAttribute("y", N(label.Y)));
        if (label.Size != FontSize) element.Add(new XAttribute("font-size", N(label.Size)));
        // A white halo keeps a marker label readable over the curves it crosses.
        if (label.Role == TextRole.Marker)
            element.Add(new XAttribute("data-marker-label", label.Text), new XAttribute("paint-order", "stroke"), new XAttribute("stroke", "white"), new XAttribute("stroke-width", "3"));
        element.Add(label.Text);
        return element;
    }

    private static string Role(TextRole role) => role switch
    {
        TextRole.Title => "title",
        TextRole.XTitle => "x-title",
        TextRole.YTitle => "y-title",
        TextRole.XTick => "x-tick",
        TextRole.YTick => "y-tick",
        TextRole.Legend => "legend",
        TextRole.Marker => "marker",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomized), for element ids.</summary>
    private static string StableHash(string text) =>
        text.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u).ToString("x8", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
