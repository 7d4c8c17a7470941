using DeepDsl.Data;
using DeepDsl.Experiments;

namespace DeepDsl.Runs;

/// <summary>The check that a data set's examples are what an experiment's model takes, before training or scoring it.</summary>
public static class ExperimentInput
{
    /// <summary>
    /// The data's examples must be what the model takes: the spec's rules check what the spec tells (CIFAR-10's shape, an
    /// image folder's channels), the files tell the rest (an image folder's image size, a CSV file's columns, .npy arrays).
    /// </summary>
    /// <exception cref="DataException">They differ; the message says what to set model.input to.</exception>
    public static void Check(DatasetSplits data, IExperiment experiment)
    {
        if (!data.InputShape.SequenceEqual(experiment.InputShape))
            throw new DataException($"the data's examples are [{string.Join(", ", data.InputShape)}] but model.input is [{string.Join(", ", experiment.InputShape)}]: set model.input: [{string.Join(", ", data.InputShape)}].");
    }
}
