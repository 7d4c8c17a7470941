using DeepDsl.Training;

namespace DeepDsl.Cli.Board;

/// <summary>
/// metrics.csv as columns, one value per epoch, the shape the chart library draws; a NaN (no validation split) is null, a gap.
/// <see cref="Momentum"/> is null as a whole when no epoch has one (an optimizer without momentum, a file from before the
/// column): the page then shows no momentum panel.
/// </summary>
internal sealed record BoardCurves(
    IReadOnlyList<int> Epoch,
    IReadOnlyList<double?> Lr,
    IReadOnlyList<double?> Loss,
    IReadOnlyList<double?> Accuracy,
    IReadOnlyList<double?> ValLoss,
    IReadOnlyList<double?> ValAccuracy,
    IReadOnlyList<double?>? Momentum)
{
    public static readonly BoardCurves None = Of([]);

    public static BoardCurves Of(IReadOnlyList<EpochMetrics> rows) => new(
        [.. rows.Select(r => r.Epoch)], Column(rows, r => r.LearningRate), Column(rows, r => r.Loss), Column(rows, r => r.Accuracy),
        Column(rows, r => r.ValLoss), Column(rows, r => r.ValAccuracy),
        rows.Any(r => !double.IsNaN(r.Momentum)) ? Column(rows, r => r.Momentum) : null);

    private static double?[] Column(IReadOnlyList<EpochMetrics> rows, Func<EpochMetrics, double> value) =>
        [.. rows.Select(r => BoardNumber.Of(value(r)))];
}
