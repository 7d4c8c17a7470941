using System.Globalization;
using System.Text;
using DeepDsl.Runs.Records;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// metrics.csv: one row per finished epoch (epoch, lr, loss, accuracy, val_loss, val_accuracy, seconds, momentum). The
/// momentum is empty for an optimizer without one; files written before that column still read, without momentum.
/// </summary>
public static class MetricsCsv
{
    public const string Header = "epoch,lr,loss,accuracy,val_loss,val_accuracy,seconds,momentum";

    // Last, so that a reader that counts columns finds the older ones where they were.
    private const string HeaderWithoutMomentum = "epoch,lr,loss,accuracy,val_loss,val_accuracy,seconds";

    public static string Format(IEnumerable<EpochMetrics> history)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var m in history)
            text.Append(string.Join(",", m.Epoch.ToString(CultureInfo.InvariantCulture), Number(m.LearningRate), Number(m.Loss),
                Number(m.Accuracy), Number(m.ValLoss), Number(m.ValAccuracy), Number(m.Seconds), double.IsNaN(m.Momentum) ? "" : Number(m.Momentum))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The door of metrics.csv: the header (with or without the momentum column), a number for each column a row (the
    /// momentum may be empty), epochs 1, 2, 3… in order, and values each metric can hold (<see cref="RecordCheck.Metric"/>;
    /// a momentum is finite and ≥ 0). Anything else is an <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> Parse(string text, string file)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length == 0 ? "" : lines[0].Trim();
        if (header is not Header and not HeaderWithoutMomentum)
            throw new InvalidDataException($"{file} is not a DeepDsl metrics file: its first line should be '{Header}'.");
        var names = header.Split(',');
        var rows = new List<EpochMetrics>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != names.Length) throw Damaged(file, i, $"expected {names.Length} values, found {cells.Length}");
            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || epoch != i)
                throw Damaged(file, i, $"the epoch should be {i} (rows are the epochs in order)");
            var values = new double[names.Length];
            for (var k = 1; k < names.Length; k++)
            {
                if (names[k] == "momentum" && string.IsNullOrWhiteSpace(cells[k]))
                {
                    values[k] = double.NaN;
                    continue;
                }
                if (!double.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]))
                    throw Damaged(file, i, $"{names[k]} is not a number");
                var problem = names[k] == "momentum" ? RecordCheck.FiniteNonNegative(values[k], names[k]) : RecordCheck.Metric(names[k], values[k], names[k]);
                if (problem is not null) throw Damaged(file, i, problem);
            }
            rows.Add(new EpochMetrics(epoch, values[1], values[2], values[3], values[4], values[5], values[6], names.Length > 7 ? values[7] : double.NaN));
        }
        return rows;
    }

    private static InvalidDataException Damaged(string file, int line, string problem) => new($"{file}:{line + 1} is damaged: {problem}.");

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
