using DeepDsl.Cli.Board;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>How a sweep's chart lays out one parameter: a log axis from a decade (as `sweep report`), a linear one otherwise, categories for text; one point per trial with a metric.</summary>
public sealed class BoardSweepChartTests
{
    [Fact]
    public void Numbers_spanning_a_decade_or_more_lie_on_a_log_axis()
    {
        var chart = BoardSweepChart.Of("lr", [Trial(0, "1e-2", 0.5), Trial(1, "1e-3", 0.7)]);
        Assert.Equal(BoardSweepChart.Log, chart.Scale);
        Assert.Equal([(1e-3, 0.7), (1e-2, 0.5)], chart.Points.Select(p => (p.X, p.Metric)));
    }

    [Theory]
    [InlineData("1", "9.99")]
    [InlineData("0", "1000")]
    [InlineData("-5", "5000")]
    public void Numbers_within_a_decade_or_not_all_positive_lie_on_a_linear_axis(string low, string high)
    {
        var chart = BoardSweepChart.Of("units", [Trial(0, high, 0.5), Trial(1, low, 0.6)]);
        Assert.Equal(BoardSweepChart.Linear, chart.Scale);
        Assert.Empty(chart.Categories);
        Assert.Equal([double.Parse(low, System.Globalization.CultureInfo.InvariantCulture), double.Parse(high, System.Globalization.CultureInfo.InvariantCulture)],
            chart.Points.Select(p => p.X));
    }

    [Fact]
    public void Text_values_are_categories_in_order_of_first_appearance_each_point_at_its_categorys_place()
    {
        var chart = BoardSweepChart.Of("activation", [Trial(2, "selu", 0.4), Trial(0, "selu", 0.5), Trial(1, "relu", 0.6), Trial(3, "1.5", 0.2)]);
        Assert.Equal(BoardSweepChart.Category, chart.Scale);
        Assert.Equal(["selu", "relu", "1.5"], chart.Categories);
        Assert.Equal([(0.0, 0), (0.0, 2), (1.0, 1), (2.0, 3)], chart.Points.Select(p => (p.X, p.Trial)));
    }

    [Fact]
    public void A_long_category_is_labelled_by_a_letter_as_sweep_reports_tables_label_it()
    {
        var layers = "[dense(64, relu), dropout(0.5), dense(10, softmax)]";
        var chart = BoardSweepChart.Of("activation", [Trial(0, layers, 0.5), Trial(1, "relu", 0.6)]);
        Assert.Equal([layers, "relu"], chart.Categories);
        Assert.Equal(["A", "relu"], chart.Labels);
    }

    [Fact]
    public void A_trial_without_a_metric_has_no_point_yet_but_its_value_sets_the_axis()
    {
        var chart = BoardSweepChart.Of("lr", [Trial(0, "0.1", 0.5), Trial(1, "1e-5", null), Trial(2, "0.05", 0.6)]);
        Assert.Equal(BoardSweepChart.Log, chart.Scale);
        Assert.Equal([2, 0], chart.Points.Select(p => p.Trial));
    }

    [Fact]
    public void A_trial_stopped_by_asha_is_a_stopped_point()
    {
        var chart = BoardSweepChart.Of("seed", [Trial(0, "1", 0.5), Trial(1, "2", 0.1, stopped: true)]);
        Assert.Equal([false, true], chart.Points.Select(p => p.Stopped));
    }

    private static BoardSweepTrial Trial(int index, string value, double? metric, bool stopped = false) =>
        new(null, index, new string('a', 64), new Dictionary<string, string> { ["lr"] = value, ["units"] = value, ["activation"] = value, ["seed"] = value },
            stopped ? "early_terminated" : "completed", metric, null, 1, null, stopped, null, true, null);
}
