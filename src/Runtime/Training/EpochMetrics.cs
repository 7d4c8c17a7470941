namespace DeepDsl.Training;

/// <summary>One epoch's results, the row of metrics.csv. Validation values are NaN when there is no validation split.</summary>
public sealed record EpochMetrics(int Epoch, double LearningRate, double Loss, double Accuracy, double ValLoss, double ValAccuracy, double Seconds)
{
    /// <summary>The metric by its Keras name (loss, accuracy, val_loss, val_accuracy, lr, seconds).</summary>
    public double this[string name] => name switch
    {
        "loss" => Loss,
        "accuracy" or "acc" => Accuracy,
        "val_loss" => ValLoss,
        "val_accuracy" or "val_acc" => ValAccuracy,
        "lr" or "learning_rate" => LearningRate,
        "seconds" => Seconds,
        _ => throw new ArgumentException($"unknown metric '{name}': expected loss, accuracy, val_loss, val_accuracy, lr or seconds", nameof(name)),
    };

    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["loss"] = Loss, ["accuracy"] = Accuracy, ["val_loss"] = ValLoss, ["val_accuracy"] = ValAccuracy, ["lr"] = LearningRate, ["seconds"] = Seconds,
    };
}
