using DeepDsl.Data;
using DeepDsl.Evaluation;
using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Pruning;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// A finished run opened for use: its best checkpoint loaded into the experiment's model on a device, its data and its
/// loss function. What `deepdsl eval` and `deepdsl prune` do with a run — score the test set, MC dropout, prune, fine-tune
/// with the masks held — is one method each here, so a program does the same in the same way. The experiment is the
/// run's own: the CLI compiles it from the spec the run recorded; a program passes its generated experiment.
/// </summary>
public sealed class TrainedRun : IDisposable
{
    private MagnitudePruning? pruning;

    private TrainedRun(RunDirectory directory, IExperiment experiment, Module model, DatasetSplits data)
    {
        Directory = directory;
        Experiment = experiment;
        Model = model;
        Data = data;
        Loss = new LossFunction(experiment.Training.Loss, (model as IClassifierModel)?.Output ?? OutputActivation.Linear);
    }

    public RunDirectory Directory { get; }
    public IExperiment Experiment { get; }

    /// <summary>The model with the run's best weights (pruned, and fine-tuned, once <see cref="Prune"/> and <see cref="FineTune"/> ran).</summary>
    public Module Model { get; }

    public DatasetSplits Data { get; }
    public LossFunction Loss { get; }

    /// <summary>
    /// Opens <paramref name="run"/>: loads its best checkpoint into <paramref name="experiment"/>'s model and its data on
    /// <paramref name="device"/> (null: the spec's training.device), reporting data loading on <paramref name="log"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The best checkpoint is damaged or is not one of this experiment's model.</exception>
    /// <exception cref="DataException">The data cannot be read, or its examples are not what the model takes.</exception>
    public static TrainedRun Open(RunDirectory run, IExperiment experiment, string? device = null, TextWriter? log = null)
    {
        var target = DeviceSelection.Resolve(device ?? experiment.Training.Device);
        var model = experiment.CreateModel();
        DatasetSplits? data = null;
        try
        {
            Checkpoints.Load(run.BestCheckpoint, model, optimizer: null);
            model.to(target);
            data = DatasetLoader.Load(experiment.Data, target, log ?? TextWriter.Null);
            ExperimentInput.Check(data, experiment);
            return new TrainedRun(run, experiment, model, data);
        }
        catch
        {
            data?.Dispose();
            model.Dispose();
            throw;
        }
    }

    /// <summary>The model's loss and accuracy on the test set, in inference mode (a command checks first that there is one: <see cref="DatasetSplits.RequireTest"/>).</summary>
    public EvaluationResult Evaluate()
    {
        Model.eval();
        return Trainer.Evaluate(Model, Loss, Data.TestX, Data.TestY);
    }

    /// <summary>Whether the model has a layer MC dropout can keep active (dropout, alpha dropout, spatial dropout).</summary>
    public bool HasDropout => Evaluation.McDropout.HasDropout(Model);

    /// <summary>MC dropout on the test set: <paramref name="samples"/> stochastic passes against plain inference, drawn from the run's seed.</summary>
    public McDropoutResult McDropout(int samples)
    {
        torch.manual_seed(Experiment.Seed);
        return Evaluation.McDropout.Compare(Model, Data.TestX, Data.TestY, samples);
    }

    /// <summary>Records an MC dropout result in the run folder (mc_dropout.json); returns the file.</summary>
    public string Save(McDropoutResult result)
    {
        Directory.WriteMcDropout(result);
        return Directory.McDropoutFile;
    }

    /// <summary>Magnitude-prunes the model's dense layers to <paramref name="sparsity"/>; the masks stay held through <see cref="FineTune"/>.</summary>
    public void Prune(double sparsity)
    {
        pruning?.Dispose();
        pruning = MagnitudePruning.Prune(Model, sparsity);
    }

    /// <summary>Each pruned layer's weights and zeros as they are now (none before <see cref="Prune"/>).</summary>
    public IReadOnlyList<LayerSparsity> PrunedLayers() => pruning?.Report() ?? [];

    /// <summary>
    /// Trains the model <paramref name="epochs"/> more epochs on the training data with a fresh optimizer from the spec,
    /// the pruning masks held (after <see cref="Prune"/>), <paramref name="callbacks"/> (a console reporter) added.
    /// </summary>
    public void FineTune(int epochs, IReadOnlyList<ITrainingCallback> callbacks)
    {
        var settings = Experiment.Training;
        using var optimizer = Experiment.CreateOptimizer(Model.parameters());
        var steps = (int)((Data.TrainCount + settings.BatchSize - 1) / settings.BatchSize);
        var trainer = new Trainer(Model, optimizer, null, settings.Loss, Experiment.Seed, pruning is null ? callbacks : [pruning.Callback, .. callbacks]);
        trainer.Fit(Data, new TrainingState(Model, optimizer, null, epochs, steps), settings.BatchSize, shuffle: true);
    }

    public void Dispose()
    {
        pruning?.Dispose();
        Data.Dispose();
        Model.Dispose();
    }
}
