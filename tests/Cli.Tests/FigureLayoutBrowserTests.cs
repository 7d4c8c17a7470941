using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Every kind of figure opened in headless Chromium (scripts/browser.sh layout) at window widths of 1,200 and 800 px, and
/// checked with the browser's own geometry: the page does not scroll sideways, no two text labels overlap, and every label
/// lies inside the window's width. PNG renders are kept beside the figures for a person to look at.
/// </summary>
public sealed class FigureLayoutBrowserTests(DrawnFigures figures) : IClassFixture<DrawnFigures>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Rounding of glyph boxes: boxes that touch within half a pixel do not overlap.
    private const double Tolerance = 0.5;

    public static TheoryData<string, int> Figures()
    {
        var data = new TheoryData<string, int>();
        foreach (var figure in new[] { "curves.svg", "lr.svg", "compare.html", "runs/drawn/sweep/report/seed.svg",
                     "runs/drawn/sweep/report/training.optimizer.nadam.learning_rate.svg", "runs/drawn/sweep/report/top.svg" })
            foreach (var width in new[] { 1200, 800 }) data.Add(figure, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void A_figure_fits_the_window_and_no_labels_overlap(string figure, int width)
    {
        var (exit, output) = Processes.Run(figures.Folder, Path.Combine(Repository.Root, "scripts", "browser.sh"), ["layout", figure, width.ToString(CultureInfo.InvariantCulture), "900"]);
        Assert.True(exit == 0, output);
        using var layout = JsonDocument.Parse(output);
        var window = layout.RootElement.GetProperty("innerWidth").GetDouble();
        Assert.Equal(width, window);
        Assert.True(layout.RootElement.GetProperty("scrollWidth").GetDouble() <= window, $"{figure} scrolls sideways at {width} px: {layout.RootElement.GetProperty("scrollWidth")}");
        var texts = layout.RootElement.GetProperty("texts").EnumerateArray().Select(t => (Text: t.GetProperty("text").GetString()!,
            Left: t.GetProperty("left").GetDouble(), Top: t.GetProperty("top").GetDouble(), Right: t.GetProperty("right").GetDouble(), Bottom: t.GetProperty("bottom").GetDouble()))
            .Where(t => t.Text.Trim().Length > 0).ToList();
        Assert.True(texts.Count >= 10, $"{figure}: only {texts.Count} labels");
        Assert.All(texts, t => Assert.True(t.Left >= -Tolerance && t.Right <= window + Tolerance && t.Top >= -Tolerance, $"{figure} at {width} px: '{t.Text}' is outside the window: {t}"));
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
            {
                var (a, b) = (texts[i], texts[j]);
                var overlap = a.Left < b.Right - Tolerance && b.Left < a.Right - Tolerance && a.Top < b.Bottom - Tolerance && b.Top < a.Bottom - Tolerance;
                Assert.False(overlap, $"{figure} at {width} px: '{a.Text}' {a} overlaps '{b.Text}' {b}");
            }
        var png = Path.Combine(figures.Folder, "png", $"{figure.Replace('/', '_')}-{width}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        Assert.Equal(0, Processes.Run(figures.Folder, Path.Combine(Repository.Root, "scripts", "browser.sh"), ["png", figure, png, width.ToString(CultureInfo.InvariantCulture), "900"]).Exit);
    }

    [Fact]
    public void Sweep_trials_are_markers_and_whole_number_parameters_get_whole_number_ticks()
    {
        var seed = XDocument.Load(Path.Combine(figures.Report, "seed.svg"));
        Assert.DoesNotContain(seed.Descendants(Svg + "polyline"), p => (string?)p.Attribute("data-series") == "trials");
        var trials = seed.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "trials");
        Assert.Equal(6, trials.Elements(Svg + "circle").Count());
        var ticks = seed.Descendants(Svg + "text").Where(t => (string?)t.Attribute("data-role") == "x-tick").Select(t => t.Value).ToList();
        Assert.Equal(["1", "2", "3"], ticks);

        var rate = XDocument.Load(Path.Combine(figures.Report, "training.optimizer.nadam.learning_rate.svg"));
        var rateTicks = rate.Descendants(Svg + "text").Where(t => (string?)t.Attribute("data-role") == "x-tick").Select(t => t.Value).ToList();
        Assert.Equal(["5e-4", "1e-3", "2e-3", "5e-3", "1e-2"], rateTicks); // 1, 2, 5 × a decade on a short log axis, printed alike
    }
}
