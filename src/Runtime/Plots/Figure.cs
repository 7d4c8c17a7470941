using System.Xml.Linq;

namespace DeepDsl.Plots;

/// <summary>Several charts side by side in one SVG document.</summary>
public static class Figure
{
    public static string Compose(params LineChart[] charts)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var width = charts.Sum(c => c.Width);
        var height = charts.Max(c => c.Height);
        var root = new XElement(svg + "svg", new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("version", "1.1"));
        double x = 0;
        foreach (var chart in charts)
        {
            root.Add(chart.Element(x, 0));
            x += chart.Width;
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }
}
