using System.Globalization;
using System.Xml.Linq;
using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Plots;

/// <summary>
/// The rules figures follow, checked on the SVG and on the layout it is written from: a clipped lr-find y-axis, labelled
/// suggestions, whole epochs, the lr panel, the best epoch; one number format; whole-number and log ticks; no two labels
/// of any figure overlapping, no label on a marker line, every label inside its chart.
/// </summary>
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

    private static readonly LrFinderResult Crowded = Sweep() with { Steepest = Sweep().Points[50].Lr, Valley = Sweep().Points[53].Lr };

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
        Assert.Equal(3, XDocument.Parse(LearningCurves.Render("t", Epochs(6))).Root!.Elements(Svg + "svg").Count());
        Assert.Equal(3, XDocument.Parse(LearningCurves.Render("t", [.. Epochs(6).Select(m => m with { Momentum = 0.9 })])).Root!.Elements(Svg + "svg").Count());
        var cycled = XDocument.Parse(LearningCurves.Render("t", [.. Epochs(6).Select(m => m with { Momentum = 0.95 - 0.01 * m.Epoch })])).Root!.Elements(Svg + "svg").ToList();
        Assert.Equal(4, cycled.Count);
        Assert.Equal("momentum", (string)cycled[3].Elements(Svg + "polyline").Single().Attribute("data-series")!);
    }

    [Fact]
    public void Charts_in_one_page_have_distinct_clip_ids()
    {
        var ids = XDocument.Parse(LearningCurves.Render("t", Epochs(4))).Descendants(Svg + "clipPath").Select(c => (string)c.Attribute("id")!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.001, "0.001")]
    [InlineData(5e-4, "5e-4")]
    [InlineData(2.5e-5, "2.5e-5")]
    [InlineData(-3e-5, "-3e-5")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(1200, "1200")]
    [InlineData(9999, "9999")]
    [InlineData(12000, "1.2e4")]
    [InlineData(0.025312, "0.02531")]
    public void Numbers_are_plain_from_a_thousandth_to_ten_thousand_and_short_exponents_outside(double value, string printed) =>
        Assert.Equal(printed, NumberFormat.Of(value));

    [Fact]
    public void Numbers_on_one_axis_are_printed_alike()
    {
        Assert.Equal(["0", "2e-4", "4e-4", "6e-4", "8e-4", "1e-3"], NumberFormat.Shared([0, 2e-4, 4e-4, 6e-4, 8e-4, 1e-3]));
        Assert.Equal(["0.5", "1", "1.5"], NumberFormat.Shared([0.5, 1, 1.5]));
        Assert.Equal(["100.1", "100.2"], NumberFormat.Shared([100.1, 100.2]));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    [InlineData(0, 7)]
    [InlineData(16, 256)]
    [InlineData(1, 40)]
    public void Whole_number_data_gets_whole_number_ticks_only(double min, double max)
    {
        foreach (var margin in new[] { true, false })
            for (var count = 2; count <= 12; count++)
            {
                var ticks = Axis.Fit([min, max], AxisKind.Integer, margin).Ticks(count);
                Assert.NotEmpty(ticks);
                Assert.All(ticks, t => Assert.Equal(Math.Round(t.Value), t.Value));
                Assert.All(ticks, t => Assert.Matches(@"^\d+$", t.Label));
            }
    }

    [Fact]
    public void A_linear_axis_of_counts_has_no_fractional_ticks_but_a_linear_one_may()
    {
        Assert.Equal(["1", "2"], Axis.Fit([1, 2], AxisKind.Integer).Ticks(8).Select(t => t.Label));
        Assert.Contains(Axis.Fit([1, 2], AxisKind.Linear).Ticks(8), t => t.Value != Math.Round(t.Value));
    }

    [Fact]
    public void Learning_rate_axes_tick_decades_printed_alike()
    {
        Assert.Equal(["1e-6", "1e-5", "1e-4", "1e-3", "1e-2", "1e-1"], Axis.Fit([1e-6, 0.1], AxisKind.Log, margin: false).Ticks(8).Select(t => t.Label));
        Assert.Equal(["1e-8", "1e-6", "1e-4", "1e-2", "1e0"], Axis.Fit([1e-8, 1], AxisKind.Log, margin: false).Ticks(5).Select(t => t.Label));
        // Up to three decades: 1, 2 and 5 × a decade when they fit, decades when they do not.
        Assert.Equal(["0.002", "0.005", "0.01", "0.02"], Axis.Fit([1.5e-3, 2.5e-2], AxisKind.Log, margin: false).Ticks(8).Select(t => t.Label));
        Assert.Equal(["1e-4", "1e-3", "1e-2"], Axis.Fit([1e-4, 1e-2], AxisKind.Log, margin: false).Ticks(4).Select(t => t.Label));
    }

    public static TheoryData<string> Figures() => new(FigureCharts().Keys);

    /// <summary>Every kind of chart DeepDsl draws, with data that crowds its labels: tiny and large learning rates, crowded suggestions, long legend names, trials.</summary>
    private static Dictionary<string, LineChart> FigureCharts()
    {
        var charts = new Dictionary<string, LineChart>();
        foreach (var (name, rate) in new (string, Func<int, double>)[] { ("constant", _ => 1e-3), ("one-cycle", e => 0.01 * Math.Sin(Math.PI * e / 13)), ("tiny", e => 1.2345e-5 * e), ("large", e => 2.5 + e) })
        {
            var history = Enumerable.Range(1, 12).Select(e => new EpochMetrics(e, rate(e), 2.0 / e, 0.3 + 0.05 * e, 2.1 / e, 0.3 + 0.04 * e, 1, 0.95 - 0.001 * e)).ToList();
            foreach (var (chart, i) in LearningCurves.Charts("a-rather-long-experiment-name", history, bestEpoch: 11).Select((c, i) => (c, i)))
                charts[$"curves {name} panel {i}"] = chart;
        }
        charts["lr-find"] = LearningRatePlot.Chart("t", Sweep());
        charts["lr-find crowded"] = LearningRatePlot.Chart("t", Crowded);
        var runs = new[] { "elu-he (20250101-120000-aaaaaaaaaaaa)", "selu (20250101-120000-bbbbbbbbbbbb)", "batch-norm" };
        charts["compare"] = new LineChart("validation loss (dashed: training)", "epoch", "loss",
            [.. runs.SelectMany((r, i) => new[] { new Series($"{r} val_loss", [(1, 2.0 + i), (2, 1.0), (3, 0.5)]), new Series($"{r} loss", [(1, 1.9), (2, 0.9), (3, 0.4)], SeriesKind.DashedLine) })],
            Width: 552, IntegerX: true);
        var longName = string.Concat(Enumerable.Repeat("very-long-experiment-name-", 8));
        charts["long names"] = new LineChart($"{longName}: loss", $"model.layers ({string.Join(", ", Enumerable.Range(0, 30).Select(i => $"{i} = {(char)('A' + i % 26)}"))})", longName,
            [new Series($"{longName} val_loss", [(1, 2.0), (2, 1.0)]), new Series("loss", [(1, 1.9), (2, 0.9)], SeriesKind.DashedLine)], IntegerX: true);
        charts["sweep seeds"] = new LineChart("val_accuracy by seed", "seed", "val_accuracy", [new Series("trials", [(1, 0.5), (2, 0.6), (3, 0.55), (1, 0.52)], SeriesKind.Scatter)], IntegerX: true);
        charts["sweep rates"] = new LineChart("val_accuracy by learning_rate", "training.optimizer.nadam.learning_rate", "val_accuracy",
            [new Series("trials", [(5e-4, 0.5), (1e-3, 0.6), (1e-2, 0.55), (0.1, 0.2)], SeriesKind.Scatter)], LogX: true);
        return charts;
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void No_two_labels_overlap_and_every_label_is_inside_its_chart(string figure)
    {
        var layout = FigureCharts()[figure].Layout();
        var frame = new Box(0, 0, layout.Width, layout.Height);
        Assert.All(layout.Texts, t => Assert.True(t.Box.Inside(frame), $"{t.Role} '{t.Text}' {t.Box} leaves the chart"));
        foreach (var (a, i) in layout.Texts.Select((t, i) => (t, i)))
            foreach (var b in layout.Texts.Skip(i + 1))
                Assert.False(a.Box.Intersects(b.Box), $"{a.Role} '{a.Text}' {a.Box} overlaps {b.Role} '{b.Text}' {b.Box}");
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void No_label_lies_on_a_marker_line(string figure)
    {
        var layout = FigureCharts()[figure].Layout();
        foreach (var line in layout.Markers)
            foreach (var (top, bottom) in line.Segments)
                foreach (var text in layout.Texts)
                    Assert.False(text.Box.Left <= line.X && line.X <= text.Box.Right && text.Box.Top < bottom && top < text.Box.Bottom,
                        $"'{text.Text}' {text.Box} lies on the line of '{line.Label}' at x = {line.X}, from {top} to {bottom}");
    }

    [Fact]
    public void Crowded_suggestions_stack_and_each_line_starts_below_its_own_label()
    {
        var layout = LearningRatePlot.Chart("t", Crowded).Layout();
        var labels = layout.Texts.Where(t => t.Role == TextRole.Marker).ToList();
        Assert.Equal(4, labels.Count);
        Assert.True(labels.Select(l => l.Y).Distinct().Count() > 1, "crowded labels share one row");
        foreach (var line in layout.Markers)
        {
            var own = labels.Single(l => l.Text == line.Label);
            var top = line.Segments[0].Top;
            // Right below the label, or one label further down where a label on the next row crosses the line.
            Assert.True(top >= own.Box.Bottom && top - own.Box.Bottom <= 4 + TextMetrics.Height(12) + 2, $"{line.Label}: line starts at {top}, its label ends at {own.Box.Bottom}");
            Assert.Equal(layout.Plot.Bottom, line.Segments[^1].Bottom);
            Assert.True(Math.Abs((own.Anchor == "end" ? own.Box.Right : own.Box.Left) - line.X) <= 4, $"{line.Label}: the label does not start at its line");
        }
    }

    [Fact]
    public void The_learning_rate_panel_keeps_its_tick_labels_clear_of_its_axis_title()
    {
        foreach (var rate in new[] { 1.2345e-5, 3e-4, 1e-3, 0.0123 })
        {
            var history = Enumerable.Range(1, 10).Select(e => new EpochMetrics(e, rate * e, 1, 0.5, 1, 0.5, 1)).ToList();
            var layout = LearningCurves.Charts("t", history)[2].Layout();
            var title = layout.Texts.Single(t => t.Role == TextRole.YTitle);
            Assert.Equal("learning rate", title.Text);
            var ticks = layout.Texts.Where(t => t.Role == TextRole.YTick).ToList();
            Assert.True(ticks.Count >= 3);
            Assert.All(ticks, t => Assert.True(t.Box.Left > title.Box.Right, $"tick '{t.Text}' {t.Box} reaches the axis title {title.Box}"));
            Assert.Single(ticks.Where(t => t.Text != "0").Select(t => t.Text.Contains('e')).Distinct()); // one style on the axis
        }
    }

    [Fact]
    public void A_scatter_series_draws_markers_and_no_line()
    {
        var svg = XElement.Parse(FigureCharts()["sweep seeds"].ToSvg());
        Assert.Empty(svg.Descendants(Svg + "polyline"));
        Assert.Equal(4, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "trials").Elements(Svg + "circle").Count());
    }
}
