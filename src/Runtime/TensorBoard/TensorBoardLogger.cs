using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.TensorBoard;

/// <summary>
/// Writes a run's TensorBoard event file into its run folder, beside metrics.csv: the hyperparameters and the resolved spec
/// when training begins, every metrics.csv column (the momentum too) as scalars after each epoch, and
/// how the run ended; `tensorboard --logdir runs` then shows every run. A logger: added to a run's callbacks, it changes
/// nothing else. Rank 0's alone, as every record of the run folder.
/// </summary>
public sealed class TensorBoardLogger : ITrainingCallback
{
    private readonly RunDirectory run;
    private readonly IExperiment experiment;
    private EventFile? file;

    private TensorBoardLogger(RunDirectory run, IExperiment experiment)
    {
        this.run = run;
        this.experiment = experiment;
    }

    /// <summary>The logger for <paramref name="experiment"/>'s run in <paramref name="run"/>; its file is created when training begins.</summary>
    public static ITrainingCallback For(RunDirectory run, IExperiment experiment) => new TensorBoardLogger(run, experiment);

    public void OnTrainBegin(TrainingState state)
    {
        var now = DateTimeOffset.UtcNow;
        // A file per training session, as TensorFlow's writers do: a resumed run never appends to a file an earlier process may have torn.
        file = EventFile.Create(run, now);
        file.Append(EventMessages.Version(now));
        if (state.Epoch > 0) file.Append(EventMessages.Restart(now, state.Epoch + 1));
        file.Append(EventMessages.Start(now, HyperParameters.Of(experiment, state.Optimizer, state.Epochs), experiment.ResolvedSpec));
    }

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics) => Started().Append(EventMessages.Scalars(DateTimeOffset.UtcNow, metrics));

    public void OnTrainEnd(TrainingState state) => Started().Append(EventMessages.End(DateTimeOffset.UtcNow, state.History.Count, RunStatus.Of(state.Status)));

    private EventFile Started() => file ?? throw new InvalidOperationException("internal error: the TensorBoard logger was not told that training began");
}
