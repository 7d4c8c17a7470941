using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>metrics.csv's momentum column: written last, empty for an optimizer without one, and absent from older files, which still read.</summary>
public sealed class MetricsCsvTests
{
    private static readonly EpochMetrics[] History =
    [
        new(1, 0.01, 0.9, 0.6, 1.0, 0.55, 2.5, 0.95),
        new(2, 0.02, 0.7, 0.7, 0.8, 0.65, 2.25, 0.85),
    ];

    [Fact]
    public void The_momentum_is_the_last_column_and_reads_back_as_written()
    {
        var text = MetricsCsv.Format(History);
        Assert.Equal("epoch,lr,loss,accuracy,val_loss,val_accuracy,seconds,momentum", text.Split('\n')[0]);
        Assert.EndsWith(",2.5,0.95", text.Split('\n')[1]);
        Assert.Equal(History, MetricsCsv.Parse(text, "metrics.csv"));
    }

    [Fact]
    public void An_optimizer_without_momentum_leaves_the_cell_empty_and_it_reads_as_nan()
    {
        var text = MetricsCsv.Format([History[0] with { Momentum = double.NaN }]);
        Assert.EndsWith(",2.5,", text.Split('\n')[1]);
        Assert.True(double.IsNaN(MetricsCsv.Parse(text, "metrics.csv").Single().Momentum));
    }

    [Fact]
    public void A_file_written_before_the_momentum_column_still_reads_without_momentum()
    {
        var rows = MetricsCsv.Parse("epoch,lr,loss,accuracy,val_loss,val_accuracy,seconds\n1,0.01,0.9,0.6,NaN,NaN,2.5\n", "old.csv");
        var row = Assert.Single(rows);
        Assert.Equal((1, 0.01, 0.9, 2.5), (row.Epoch, row.LearningRate, row.Loss, row.Seconds));
        Assert.True(double.IsNaN(row.Momentum));
    }

    [Theory]
    [InlineData("-0.5", "momentum is -0.5, not a finite number ≥ 0")]
    [InlineData("lots", "momentum is not a number")]
    public void A_momentum_no_optimizer_uses_is_damage_on_its_line(string cell, string problem)
    {
        var text = MetricsCsv.Format(History).Replace(",2.25,0.85", ",2.25," + cell);
        var error = Assert.Throws<InvalidDataException>(() => MetricsCsv.Parse(text, "metrics.csv"));
        Assert.Equal($"metrics.csv:3 is damaged: {problem}.", error.Message);
    }

    [Fact]
    public void An_infinite_momentum_is_damage()
    {
        var text = MetricsCsv.Format(History).Replace(",2.25,0.85", ",2.25,1e400");
        var error = Assert.Throws<InvalidDataException>(() => MetricsCsv.Parse(text, "metrics.csv"));
        Assert.StartsWith("metrics.csv:3 is damaged: momentum is ", error.Message);
        Assert.EndsWith("not a finite number ≥ 0.", error.Message);
    }

    [Fact]
    public void A_row_without_the_momentum_cell_under_the_new_header_is_damaged()
    {
        var text = MetricsCsv.Format(History).Replace(",2.25,0.85", ",2.25");
        Assert.Equal("metrics.csv:3 is damaged: expected 8 values, found 7.", Assert.Throws<InvalidDataException>(() => MetricsCsv.Parse(text, "metrics.csv")).Message);
    }
}
