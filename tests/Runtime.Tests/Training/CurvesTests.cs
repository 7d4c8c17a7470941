using System.Globalization;
using System.Xml.Linq;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Training;

public sealed class CurvesTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly EpochMetrics[] History =
    [
        new(1, 1e-3, 2.0, 0.3, 1.9, 0.35, 5), new(2, 1e-3, 1.5, 0.45, 1.6, 0.42, 5), new(3, 1e-3, 1.2, 0.55, double.NaN, 0.5, 5),
    ];

    [Fact]
    public void Learning_curves_are_valid_svg_with_one_line_per_metric()
    {
        var document = XDocument.Parse(LearningCurves.Render("test", History));
        Assert.Equal(Svg + "svg", document.Root!.Name);
        var series = document.Descendants(Svg + "polyline").Select(p => (string)p.Attribute("data-series")!).ToList();
        Assert.Equal(["loss", "val_loss", "accuracy", "val_accuracy", "lr"], series);
        var valLoss = document.Descendants(Svg + "polyline").Single(p => (string)p.Attribute("data-series")! == "val_loss");
        Assert.Equal(2, ((string)valLoss.Attribute("points")!).Split(' ').Length); // the NaN epoch is skipped
    }

    [Fact]
    public void Lower_values_are_drawn_lower_and_the_output_does_not_depend_on_culture()
    {
        var invariant = LearningCurves.Render("test", History);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, LearningCurves.Render("test", History));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        var loss = XDocument.Parse(invariant).Descendants(Svg + "polyline").First();
        var ys = ((string)loss.Attribute("points")!).Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] < ys[1] && ys[1] < ys[2], "falling loss is drawn going down the page (larger y)");
    }

    [Fact]
    public void A_log_axis_puts_decades_at_equal_distances()
    {
        var chart = new LineChart("t", "lr", "loss", [new Series("s", [(1e-4, 1.0), (1e-3, 1.0), (1e-2, 1.0)])], LogX: true);
        var xs = ((string)XElement.Parse(chart.ToSvg()).Descendants(Svg + "polyline").Single().Attribute("points")!)
            .Split(' ').Select(p => double.Parse(p.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs[1] - xs[0], xs[2] - xs[1], 1);
    }
}
