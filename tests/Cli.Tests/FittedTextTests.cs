using DeepDsl.Cli.Console;

namespace DeepDsl.Cli.Tests;

/// <summary>Lines and tables fitted to a terminal width: the least important parts go first, nothing is longer than the width.</summary>
public sealed class FittedTextTests
{
    private const string Keras = "Epoch 12/100 - 41.3s - loss: 1.2345 - accuracy: 0.5678 - val_loss: 1.3456 - val_accuracy: 0.5432 - lr: 0.0005";

    [Theory]
    [InlineData(59)]
    [InlineData(79)]
    [InlineData(199)]
    public void An_epoch_line_fits_and_keeps_the_validation_numbers_longest(int width)
    {
        var line = FittedLine.Epoch(Keras, width);
        Assert.True(line.Length <= width, line);
        Assert.StartsWith("Epoch 12/100", line);
        Assert.Contains("val_loss: 1.3456", line);
        if (width >= Keras.Length) Assert.Equal(Keras, line);
    }

    [Fact]
    public void A_status_line_wraps_at_its_separators()
    {
        var lines = FittedLine.Wrap("Status: completed; best epoch 3 (val_loss 1.2345); val_accuracy there 55.00 %; test accuracy 54.00 %", "; ", 40).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 40, l));
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public void A_table_drops_its_least_important_columns_to_fit()
    {
        var columns = new[] { ("run", 9), ("status", 8), ("device", 0), ("test_acc", 7) };
        string[][] rows = [["cifar10-selu/20250101-120000-aaaaaaaaaaaa", "completed", "cuda:0", "55.00 %"]];
        var narrow = FittedTable.Lines(columns, rows, 64);
        Assert.All(narrow, l => Assert.True(l.Length <= 64, l));
        Assert.DoesNotContain("device", narrow[0]);
        Assert.Contains("test_acc", narrow[0]);
        Assert.Contains("device", FittedTable.Lines(columns, rows, 200)[0]);
    }
}
