using DeepDsl.Plots;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Board;

/// <summary>
/// lr_find.csv as columns (rate, loss, smoothed loss; the steps are their order), one value per step, the shape the chart library draws, and the loss range worth reading
/// (<see cref="LearningRatePlot.InformativeRange"/>: from the smoothed minimum to where the sweep started, so a divergence
/// at the end cannot flatten the rest; null when the loss hardly moves).
/// </summary>
internal sealed record BoardLrFindCurve(
    IReadOnlyList<double> Lr,
    IReadOnlyList<double> Loss,
    IReadOnlyList<double> SmoothedLoss,
    IReadOnlyList<double>? LossRange)
{
    public static readonly BoardLrFindCurve None = Of([]);

    public static BoardLrFindCurve Of(IReadOnlyList<LrFindStep> steps)
    {
        double[] smoothed = [.. steps.Select(s => s.SmoothedLoss)];
        double[]? lossRange = LearningRatePlot.InformativeRange(smoothed) is { } range ? [range.Min, range.Max] : null;
        return new([.. steps.Select(s => s.Lr)], [.. steps.Select(s => s.Loss)], smoothed, lossRange);
    }
}
