namespace DeepDsl.Training;

/// <summary>
/// One epoch's results, the row of metrics.csv. Validation values are NaN when there is no validation split.
/// <paramref name="Momentum"/>: the momentum the optimizer used at the epoch's last step (SGD's and RMSprop's momentum, the
/// Adam family's beta_1, as <see cref="Optim.IMomentumOptimizer"/> names it), NaN for an optimizer without one (Adagrad) and
/// in metrics.csv files written before the column.
/// </summary>
public sealed record EpochMetrics(int Epoch, double LearningRate, double Loss, double Accuracy, double ValLoss, double ValAccuracy, double Seconds,
    double Momentum = double.NaN)
{
    /// <summary>The metric by its Keras name (loss, accuracy, val_loss, val_accuracy, lr, seconds), or the momentum.</summary>
    public double this[string name] => name switch
    {
        "loss" => Loss,
        "accuracy" or "acc" => Accuracy,
        "val_loss" => ValLoss,
        "val_accuracy" or "val_acc" => ValAccuracy,
        "lr" or "learning_rate" => LearningRate,
        "seconds" => Seconds,
        "momentum" => Momentum,
        _ => throw new ArgumentException($"unknown metric '{name}': expected loss, accuracy, val_loss, val_accuracy, lr, seconds or momentum", nameof(name)),
    };

    /// <summary>The metrics a monitor, a schedule or summary.json's best may name; the momentum is a setting the run recorded, not one of them.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["loss"] = Loss, ["accuracy"] = Accuracy, ["val_loss"] = ValLoss, ["val_accuracy"] = ValAccuracy, ["lr"] = LearningRate, ["seconds"] = Seconds,
    };
}
