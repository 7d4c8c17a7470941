using DeepDsl.Training;

namespace DeepDsl.Cli.Board;

/// <summary>metrics.csv as columns, one value per epoch, the shape the chart library draws; a NaN (no validation split) is null, a gap.</summary>
internal sealed record BoardCurves(
    IReadOnlyList<int> Epoch,
    IReadOnlyList<double?> Lr,
    IReadOnlyList<double?> Loss,
    IReadOnlyList<double?> Accuracy,
    IReadOnlyList<double?> ValLoss,
    IReadOnlyList<double?> ValAccuracy)
{
    public static readonly BoardCurves None = Of([]);

    public static BoardCurves Of(IReadOnlyList<EpochMetrics> rows) => new(
        [.. rows.Select(r => r.Epoch)], Column(rows, r => r.LearningRate), Column(rows, r => r.Loss), Column(rows, r => r.Accuracy),
        Column(rows, r => r.ValLoss), Column(rows, r => r.ValAccuracy));

    private static double?[] Column(IReadOnlyList<EpochMetrics> rows, Func<EpochMetrics, double> value) =>
        [.. rows.Select(r => BoardNumber.Of(value(r)))];
}
