using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace DeepDsl.Plots;

/// <summary>
/// A dependency-free line chart rendered as standalone SVG: axes with round ticks (log10 x when asked,
/// whole numbers only for counts such as epochs), a legend, one polyline per series (non-finite points
/// skipped; clipped to the plot when <paramref name="YRange"/> narrows the y-axis to the part worth
/// reading), optional vertical markers whose labels never overlap. Invariant culture throughout, so
/// the file is the same on every machine.
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, bool LogX = false,
    IReadOnlyList<(double X, string Label)>? Markers = null, double Width = 640, double Height = 400,
    (double Min, double Max)? YRange = null, bool IntegerX = false)
{
    // Label widths are estimated (no font metrics in a dependency-free SVG writer): ~7 px a character at 12 px.
    private const double CharWidth = 7;

    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private const double Left = 64, Top = 36, Bottom = 48;

    // Room for the legend: its longest label at ~7 px a character.
    private double Right => Math.Max(120, 48 + 7 * Series.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());

    public string ToSvg() => Element(0, 0).ToString();

    /// <summary>The chart as an svg element placed at (x, y), to compose several charts in one figure.</summary>
    public XElement Element(double x, double y)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var points = Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y) && double.IsFinite(p.X) && (!LogX || p.X > 0)).ToList();
        var (x0, x1) = Range(points.Select(p => LogX ? Math.Log10(p.X) : p.X), LogX);
        var (y0, y1) = YRange is { } fixedRange && fixedRange.Max > fixedRange.Min ? fixedRange : Range(points.Select(p => p.Y), false);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Px(double v) => Left + ((LogX ? Math.Log10(v) : v) - x0) / (x1 - x0) * plotWidth;
        double Py(double v) => Top + (1 - (v - y0) / (y1 - y0)) * plotHeight;

        var root = new XElement(svg + "svg", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(Width)), new XAttribute("height", N(Height)),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"));
        root.Add(new XElement(svg + "rect", new XAttribute("width", N(Width)), new XAttribute("height", N(Height)), new XAttribute("fill", "white")));
        root.Add(Text(svg, Left + plotWidth / 2, 20, Title, "middle", "14"));
        root.Add(Text(svg, Left + plotWidth / 2, Height - 10, XLabel, "middle"));
        root.Add(new XElement(svg + "text", new XAttribute("transform", $"translate(16,{N(Top + plotHeight / 2)}) rotate(-90)"), new XAttribute("text-anchor", "middle"), YLabel));
        root.Add(new XElement(svg + "rect", new XAttribute("x", N(Left)), new XAttribute("y", N(Top)), new XAttribute("width", N(plotWidth)),
            new XAttribute("height", N(plotHeight)), new XAttribute("fill", "none"), new XAttribute("stroke", "#444")));
        // Lines outside a narrowed y-range are cut at the frame; ids must be unique in a page holding several figures.
        var clipId = $"plot-{StableHash(Title)}-{N(x)}-{N(y)}".Replace('.', '_');
        root.Add(new XElement(svg + "clipPath", new XAttribute("id", clipId),
            new XElement(svg + "rect", new XAttribute("x", N(Left)), new XAttribute("y", N(Top)), new XAttribute("width", N(plotWidth)), new XAttribute("height", N(plotHeight)))));

        foreach (var tick in Ticks(x0, x1, LogX, IntegerX))
        {
            var px = Left + (tick - x0) / (x1 - x0) * plotWidth;
            root.Add(Line(svg, px, Top + plotHeight, px, Top + plotHeight + 5, "#444"), Line(svg, px, Top, px, Top + plotHeight, "#eee"));
            root.Add(Text(svg, px, Top + plotHeight + 18, LogX ? "1e" + N(tick) : Label(tick), "middle"));
        }
        foreach (var tick in Ticks(y0, y1, false))
        {
            var py = Top + (1 - (tick - y0) / (y1 - y0)) * plotHeight;
            root.Add(Line(svg, Left - 5, py, Left, py, "#444"), Line(svg, Left, py, Left + plotWidth, py, "#eee"));
            root.Add(Text(svg, Left - 8, py + 4, Label(tick), "end"));
        }
        // Marker labels go on the first row where they do not overlap a label already placed.
        var rows = new List<double>();
        foreach (var (mx, label) in (Markers ?? []).Where(m => double.IsFinite(m.X) && (!LogX || m.X > 0)).OrderBy(m => m.X))
        {
            var px = Px(mx);
            var width = CharWidth * label.Length;
            var rightAligned = px + 3 + width > Left + plotWidth;
            var (from, to) = rightAligned ? (px - 3 - width, px - 3) : (px + 3, px + 3 + width);
            var row = rows.FindIndex(end => end < from);
            if (row < 0) rows.Add(to);
            else rows[row] = to;
            var labelY = Top + 14 + 14 * (row < 0 ? rows.Count - 1 : row);
            root.Add(new XElement(svg + "line", new XAttribute("x1", N(px)), new XAttribute("y1", N(Top)), new XAttribute("x2", N(px)), new XAttribute("y2", N(Top + plotHeight)),
                new XAttribute("stroke", "#888"), new XAttribute("stroke-dasharray", "2,3"), new XAttribute("data-marker", label)));
            var text = Text(svg, rightAligned ? px - 3 : px + 3, labelY, label, rightAligned ? "end" : "start");
            text.Add(new XAttribute("data-marker-label", label), new XAttribute("paint-order", "stroke"), new XAttribute("stroke", "white"), new XAttribute("stroke-width", "3"));
            root.Add(text);
        }
        for (var i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var color = s.Color ?? Palette[i % Palette.Length];
            var coordinates = s.Points.Where(p => double.IsFinite(p.Y) && double.IsFinite(p.X) && (!LogX || p.X > 0))
                .Select(p => $"{N(Px(p.X))},{N(Py(p.Y))}");
            var line = new XElement(svg + "polyline", new XAttribute("data-series", s.Name), new XAttribute("fill", "none"), new XAttribute("stroke", color),
                new XAttribute("stroke-width", "1.8"), new XAttribute("points", string.Join(" ", coordinates)), new XAttribute("clip-path", $"url(#{clipId})"),
                new XElement(svg + "title", s.Name));
            if (s.Dashed) line.Add(new XAttribute("stroke-dasharray", "6,4"));
            root.Add(line);
            var ly = Top + 10 + i * 18;
            var legend = Line(svg, Width - Right + 12, ly, Width - Right + 36, ly, color);
            if (s.Dashed) legend.Add(new XAttribute("stroke-dasharray", "6,4"));
            root.Add(legend, Text(svg, Width - Right + 40, ly + 4, s.Name, "start"));
        }
        return root;
    }

    private static (double, double) Range(IEnumerable<double> values, bool whole)
    {
        var list = values.ToList();
        if (list.Count == 0) return (0, 1);
        double min = list.Min(), max = list.Max();
        if (whole) return (Math.Floor(min), Math.Max(Math.Ceiling(max), Math.Floor(min) + 1));
        if (max - min < 1e-12) return (min - 0.5, max + 0.5);
        var pad = (max - min) * 0.05;
        return (min - pad, max + pad);
    }

    /// <summary>Round tick values: 1, 2 or 5 × a power of ten apart (whole decades on a log axis; whole numbers, at least 1 apart, for counts).</summary>
    public static IReadOnlyList<double> Ticks(double from, double to, bool decades, bool integers = false)
    {
        if (decades) return Enumerable.Range((int)Math.Ceiling(from), (int)Math.Floor(to) - (int)Math.Ceiling(from) + 1).Select(d => (double)d).ToList();
        var raw = (to - from) / 6;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        if (integers) step = Math.Max(1, Math.Round(step));
        var ticks = new List<double>();
        for (var t = Math.Ceiling(from / step) * step; t <= to + step * 1e-9; t += step) ticks.Add(Math.Round(t / step) * step);
        return ticks;
    }

    private static XElement Line(XNamespace svg, double x1, double y1, double x2, double y2, string color) =>
        new(svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)), new XAttribute("stroke", color));

    private static XElement Text(XNamespace svg, double x, double y, string text, string anchor, string? size = null)
    {
        var element = new XElement(svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), text);
        if (size is not null) element.Add(new XAttribute("font-size", size));
        return element;
    }

    private static string Label(double value) => Math.Abs(value) < 1e-12 ? "0" : Math.Abs(value) >= 1e4 || Math.Abs(value) < 1e-3 && value != 0
        ? value.ToString("0.##E+0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomized), for element ids.</summary>
    private static string StableHash(string text) =>
        text.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u).ToString("x8", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
