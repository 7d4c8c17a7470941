using DeepDsl.Training;

namespace DeepDsl.Plots;

/// <summary>curves.svg: loss and val_loss, accuracy and val_accuracy per epoch — one line per metric.</summary>
public static class LearningCurves
{
    public static string Render(string title, IReadOnlyList<EpochMetrics> history)
    {
        Series S(string name, Func<EpochMetrics, double> value, bool dashed) =>
            new(name, history.Select(m => ((double)m.Epoch, value(m))).ToList(), dashed);
        var loss = new LineChart($"{title}: loss", "epoch", "loss", [S("loss", m => m.Loss, true), S("val_loss", m => m.ValLoss, false)]);
        var accuracy = new LineChart($"{title}: accuracy", "epoch", "accuracy", [S("accuracy", m => m.Accuracy, true), S("val_accuracy", m => m.ValAccuracy, false)]);
        return Figure.Compose(loss, accuracy);
    }
}
