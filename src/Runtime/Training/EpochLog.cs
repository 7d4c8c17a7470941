using System.Globalization;

namespace DeepDsl.Training;

/// <summary>One plain line per epoch, for logs and terminals that are not interactive (CI, files).</summary>
public sealed class EpochLog(TextWriter output) : ITrainingCallback
{
    public void OnEpochEnd(TrainingState state, EpochMetrics m) =>
        output.WriteLine(Format(m, state.Epochs));

    public static string Format(EpochMetrics m, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"Epoch {m.Epoch}/{epochs} - {m.Seconds:F1}s - loss: {m.Loss:F4} - accuracy: {m.Accuracy:F4}") +
        (double.IsNaN(m.ValLoss) ? "" : string.Create(CultureInfo.InvariantCulture, $" - val_loss: {m.ValLoss:F4} - val_accuracy: {m.ValAccuracy:F4}")) +
        string.Create(CultureInfo.InvariantCulture, $" - lr: {m.LearningRate:G4}");
}
