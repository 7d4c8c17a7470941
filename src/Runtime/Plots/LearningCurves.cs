using DeepDsl.Training;

namespace DeepDsl.Plots;

/// <summary>
/// curves.svg: loss and val_loss, accuracy and val_accuracy, and the learning rate per epoch (with the
/// momentum beside it when it changes, as a schedule that cycles it makes it), each in its own panel; whole-epoch
/// ticks; the best epoch marked on the loss and accuracy panels. Everything from the history, as metrics.csv holds it.
/// </summary>
public static class LearningCurves
{
    private const double PanelWidth = 520;

    public static string Render(string title, IReadOnlyList<EpochMetrics> history, int? bestEpoch = null) =>
        Figure.Compose([.. Charts(title, history, bestEpoch)]);

    /// <summary>The panels of curves.svg, in order.</summary>
    public static IReadOnlyList<LineChart> Charts(string title, IReadOnlyList<EpochMetrics> history, int? bestEpoch = null)
    {
        Series S(string name, Func<EpochMetrics, double> value, bool dashed) =>
            new(name, history.Select(m => ((double)m.Epoch, value(m))).ToList(), dashed ? SeriesKind.DashedLine : SeriesKind.Line);
        IReadOnlyList<(double, string)> best = bestEpoch is { } b && b > 0 ? [(b, $"best epoch {b}")] : [];
        var loss = new LineChart($"{title}: loss", "epoch", "loss", [S("loss", m => m.Loss, true), S("val_loss", m => m.ValLoss, false)],
            Markers: best, Width: PanelWidth, IntegerX: true);
        var accuracy = new LineChart($"{title}: accuracy", "epoch", "accuracy", [S("accuracy", m => m.Accuracy, true), S("val_accuracy", m => m.ValAccuracy, false)],
            Markers: best, Width: PanelWidth, IntegerX: true);
        // From zero: a constant rate is a flat line at its value, and a schedule's shape reads against zero.
        var top = history.Select(m => m.LearningRate).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var rate = new LineChart($"{title}: learning rate", "epoch", "learning rate", [S("lr", m => m.LearningRate, false)], Width: PanelWidth, IntegerX: true,
            YRange: top > 0 ? (0, top * 1.1) : null);
        // A momentum that never changes (or none: NaN) says nothing a panel would show.
        var momentum = history.Where(m => !double.IsNaN(m.Momentum)).Select(m => (X: (double)m.Epoch, Y: m.Momentum)).ToList();
        if (momentum.Select(m => m.Y).Distinct().Count() < 2) return [loss, accuracy, rate];
        var cycled = new LineChart($"{title}: momentum", "epoch", "momentum", [new Series("momentum", momentum)], Width: PanelWidth, IntegerX: true);
        return [loss, accuracy, rate, cycled];
    }
}
