using System.Xml.Linq;

namespace DeepDsl.Plots;

/// <summary>
/// Several charts in one SVG document, two to a row, scaled to the window it is shown in (never wider
/// than drawn): a three-panel figure is 1,040 px wide rather than 1,560, and still fits an 800 px window.
/// </summary>
public static class Figure
{
    private const int Columns = 2;

    public static string Compose(params LineChart[] charts)
    {
        var rows = charts.Chunk(Columns).ToList();
        var width = rows.Max(r => r.Sum(c => c.Width));
        var height = rows.Sum(r => r.Max(c => c.Height));
        var root = Responsive(new XElement(Svg + "svg"), width, height);
        double y = 0;
        foreach (var row in rows)
        {
            double x = 0;
            foreach (var chart in row)
            {
                root.Add(chart.Element(x, y));
                x += chart.Width;
            }
            y += row.Max(c => c.Height);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    /// <summary>Each chart as its own scalable svg element, for a page that lets panels wrap to the window's width.</summary>
    public static IReadOnlyList<string> Panels(params LineChart[] charts) =>
        charts.Select(c => Responsive(c.Element(0, 0), c.Width, c.Height).ToString()).ToList();

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The drawn size stays as width/height (viewers that ignore CSS use it); the style lets a browser shrink it to fit.
    private static XElement Responsive(XElement svg, double width, double height)
    {
        foreach (var name in new[] { "x", "y", "width", "height", "viewBox" }) svg.Attribute(name)?.Remove();
        svg.Add(new XAttribute("width", width), new XAttribute("height", height), new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("version", "1.1"),
            new XAttribute("style", $"max-width: 100%; height: auto"));
        return svg;
    }
}
