using System.Globalization;
using System.Xml.Linq;
using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Plots;

/// <summary>The rules figures follow, checked on the SVG: a clipped lr-find y-axis, labelled suggestions that do not overlap, whole epochs, the lr panel, the best epoch.</summary>
public sealed class PlotRulesTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A typical sweep: a plateau near 2.3, a dip to 0.9, then divergence to 40.</summary>
    private static LrFinderResult Sweep()
    {
        var points = Enumerable.Range(0, 100).Select(i =>
        {
            var lr = 1e-6 * Math.Pow(10, i / 16.0);
            var loss = i < 60 ? 2.3 - 1.4 * i / 60.0 : 0.9 + Math.Pow(i - 60, 2) / 40.0;
            return (lr, loss + 0.05 * Math.Sin(i), loss);
        }).ToList();
        return new LrFinderResult(points, null, Minimum: points[60].lr, MinimumOverTen: points[60].lr / 10, Steepest: points[30].lr, Valley: points[45].lr);
    }

    private static IReadOnlyList<EpochMetrics> Epochs(int count, bool oneCycle = false) =>
        Enumerable.Range(1, count).Select(e => new EpochMetrics(e, oneCycle ? 0.01 * Math.Sin(Math.PI * e / (count + 1)) : 1e-3, 2.0 / e, 0.3 + 0.05 * e, 2.1 / e + (e > 2 ? 0.1 * e : 0), 0.3 + 0.04 * e, 1)).ToList();

    private static List<double> YTickValues(XElement chart) =>
        chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "end" && t.Attribute("data-marker-label") is null)
            .Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Lr_find_clips_the_y_axis_to_the_informative_range_not_the_divergence()
    {
        var chart = XDocument.Parse(LearningRatePlot.Render("t", Sweep())).Root!.Elements(Svg + "svg").Single();
        var ticks = YTickValues(chart);
        Assert.True(ticks.Max() <= 2.5, $"y ticks reach {ticks.Max()}: the spike sets the scale");
        Assert.True(ticks.Min() >= 0.7, $"y ticks start at {ticks.Min()}");
        Assert.Single(chart.Elements(Svg + "clipPath"));
        Assert.All(chart.Elements(Svg + "polyline"), p => Assert.StartsWith("url(#", (string)p.Attribute("clip-path")!));
    }

    [Fact]
    public void Lr_find_labels_each_suggestion_with_its_value_without_overlap()
    {
        var chart = XDocument.Parse(LearningRatePlot.Render("t", Sweep())).Root!.Elements(Svg + "svg").Single();
        var labels = chart.Elements(Svg + "text").Where(t => t.Attribute("data-marker-label") is not null).ToList();
        Assert.Equal(["min/10", "minimum", "steepest", "valley"], labels.Select(l => l.Value.Split(" = ")[0]).Order());
        Assert.All(labels, l => Assert.Matches(@" = \d", l.Value));
        var boxes = labels.Select(l =>
        {
            var x = double.Parse((string)l.Attribute("x")!, CultureInfo.InvariantCulture);
            var width = 7 * l.Value.Length;
            var left = (string)l.Attribute("text-anchor")! == "end" ? x - width : x;
            return (Left: left, Right: left + width, Y: (string)l.Attribute("y")!);
        }).ToList();
        foreach (var a in boxes)
            foreach (var b in boxes.Where(b => b != a && b.Y == a.Y))
                Assert.True(a.Right <= b.Left || b.Right <= a.Left, $"labels overlap: {a} and {b}");
    }

    [Fact]
    public void Short_runs_get_whole_epoch_ticks()
    {
        var charts = XDocument.Parse(LearningCurves.Render("t", Epochs(3))).Root!.Elements(Svg + "svg").ToList();
        foreach (var chart in charts)
        {
            var xTicks = chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "middle" && t.Attribute("font-size") is null && t.Attribute("transform") is null && t.Value != "epoch").Select(t => t.Value).ToList();
            Assert.NotEmpty(xTicks);
            Assert.All(xTicks, t => Assert.Matches(@"^\d+$", t));
        }
    }

    [Fact]
    public void The_learning_rate_has_its_own_panel_and_the_best_epoch_is_marked()
    {
        var charts = XDocument.Parse(LearningCurves.Render("t", Epochs(8, oneCycle: true), bestEpoch: 5)).Root!.Elements(Svg + "svg").ToList();
        Assert.Equal(3, charts.Count);
        Assert.Equal("lr", (string)charts[2].Elements(Svg + "polyline").Single().Attribute("data-series")!);
        Assert.Equal(8, ((string)charts[2].Elements(Svg + "polyline").Single().Attribute("points")!).Split(' ').Length);
        Assert.All(charts.Take(2), c => Assert.Equal("best epoch 5", (string)c.Elements(Svg + "line").Single(l => l.Attribute("data-marker") is not null).Attribute("data-marker")!));
    }

    [Fact]
    public void Momentum_gets_a_panel_only_when_it_changes()
    {
        Assert.Equal(3, XDocument.Parse(LearningCurves.Render("t", Epochs(6), momentumAt: _ => 0.9)).Root!.Elements(Svg + "svg").Count());
        var cycled = XDocument.Parse(LearningCurves.Render("t", Epochs(6), momentumAt: e => 0.95 - 0.01 * e)).Root!.Elements(Svg + "svg").ToList();
        Assert.Equal(4, cycled.Count);
        Assert.Equal("momentum", (string)cycled[3].Elements(Svg + "polyline").Single().Attribute("data-series")!);
    }

    [Fact]
    public void Charts_in_one_page_have_distinct_clip_ids()
    {
        var ids = XDocument.Parse(LearningCurves.Render("t", Epochs(4))).Descendants(Svg + "clipPath").Select(c => (string)c.Attribute("id")!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
