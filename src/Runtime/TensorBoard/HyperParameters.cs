using DeepDsl.Experiments;
using DeepDsl.Optim;
using Google.Protobuf.WellKnownTypes;

namespace DeepDsl.TensorBoard;

/// <summary>
/// The hyperparameters a run shows in TensorBoard's HParams table, named by their keys in the spec: the values the runtime
/// holds as typed settings (the whole resolved spec goes beside them as text).
/// </summary>
internal static class HyperParameters
{
    /// <param name="optimizer">The run's optimizer, whose kind and learning rate (when training begins) are shown.</param>
    public static IReadOnlyList<KeyValuePair<string, Value>> Of(IExperiment experiment, Optimizer optimizer, int epochs) =>
    [
        new("spec_hash", Value.ForString(experiment.SpecHash)),
        new("seed", Value.ForNumber(experiment.Seed)),
        Validation(experiment.Data),
        new("data.scale", Value.ForBool(experiment.Data.Scale)),
        new("data.standardize", Value.ForBool(experiment.Data.Standardize)),
        new("training.loss", Value.ForString(SnakeCase(experiment.Training.Loss.ToString()))),
        new("training.batch_size", Value.ForNumber(experiment.Training.BatchSize)),
        new("training.epochs", Value.ForNumber(epochs)),
        new("training.shuffle", Value.ForBool(experiment.Training.Shuffle)),
        new("training.optimizer", Value.ForString(optimizer.GetType().Name.ToLowerInvariant())),
        new("training.learning_rate", Value.ForNumber(optimizer.LearningRate)),
    ];

    // Which validation set the run scores, by the key that chose it: the count split off the training data (0: none), or
    // the file or folder of a set of its own, so a run with its own set does not read as one without any.
    private static KeyValuePair<string, Value> Validation(DataSettings data) =>
        data.Source.SeparateValidation is { } set ? new(set.Key, Value.ForString(set.Path)) : new("data.validation", Value.ForNumber(data.Validation));

    // LossKind's members are the Keras names in Pascal case (SparseCategoricalCrossentropy; MeanSquaredError, which a spec
    // may write as mse); optimizer classes are the spec's names in their own case (SGD, AdamW, RMSprop).
    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
