using System.Globalization;
using System.Text;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>metrics.csv: one row per finished epoch (epoch, lr, loss, accuracy, val_loss, val_accuracy, seconds).</summary>
public static class MetricsCsv
{
    public const string Header = "epoch,lr,loss,accuracy,val_loss,val_accuracy,seconds";

    public static string Format(IEnumerable<EpochMetrics> history)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var m in history)
            text.Append(string.Join(",", m.Epoch.ToString(CultureInfo.InvariantCulture), Number(m.LearningRate), Number(m.Loss),
                Number(m.Accuracy), Number(m.ValLoss), Number(m.ValAccuracy), Number(m.Seconds))).Append('\n');
        return text.ToString();
    }

    public static IReadOnlyList<EpochMetrics> Parse(string text, string file)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].Trim() != Header)
            throw new InvalidDataException($"{file} is not a DeepDsl metrics file: its first line should be '{Header}'.");
        return lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(',');
            if (cells.Length != 7) throw new InvalidDataException($"{file}:{i + 2}: expected 7 values, found {cells.Length}.");
            double D(int k) => double.Parse(cells[k], CultureInfo.InvariantCulture);
            return new EpochMetrics(int.Parse(cells[0], CultureInfo.InvariantCulture), D(1), D(2), D(3), D(4), D(5), D(6));
        }).ToList();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
