using System.Globalization;
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

    public static string Format(IEnumerable<EpochMetrics> history) =>
        NumberedCsv.Format(Header, history, m => [m.Epoch.ToString(CultureInfo.InvariantCulture), Number(m.LearningRate), Number(m.Loss),
            Number(m.Accuracy), Number(m.ValLoss), Number(m.ValAccuracy), Number(m.Seconds), double.IsNaN(m.Momentum) ? "" : Number(m.Momentum)]);

    /// <summary>
    /// The door of metrics.csv (<see cref="NumberedCsv"/>): the header (with or without the momentum column), a number for
    /// each column a row (the momentum may be empty), epochs 1, 2, 3… in order, and values each metric can hold
    /// (<see cref="RecordCheck.Metric"/>; a momentum is finite and ≥ 0). Anything else is an <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> Parse(string text, string file) =>
        NumberedCsv.Parse(text, file, "metrics", [Header, HeaderWithoutMomentum],
            (name, value) => name == "momentum" ? RecordCheck.FiniteNonNegative(value, name) : RecordCheck.Metric(name, value, name),
            (epoch, names, values) => new EpochMetrics(epoch, values[1], values[2], values[3], values[4], values[5], values[6], names.Count > 7 ? values[7] : double.NaN),
            optional: "momentum");

    private static string Number(double value) => NumberedCsv.Number(value);
}
