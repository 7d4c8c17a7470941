using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// Keeps the run folder current after every epoch: metrics.csv, curves.svg, the best checkpoint
/// when the monitored metric improved, the last checkpoint (with optimizer and trainer state, to
/// resume), and summary.json — each written atomically, so an interrupted run loses at most the
/// epoch in progress. It owns the checkpoint monitor, and keeps the monitor's best in the last checkpoint.
/// </summary>
public sealed class RunRecorder(RunDirectory run, MetricMonitor best, bool saveBest, bool saveLast,
    Func<TrainingState, RunSummary> summarize, Func<TrainingState, TrainerCheckpointState> checkpointState,
    Func<IReadOnlyList<EpochMetrics>, string>? renderCurves) : IStatefulCallback
{
    /// <summary>The key of the checkpoint monitor's state in the last checkpoint.</summary>
    public const string Key = "checkpoint_monitor";

    public MetricMonitor Best { get; } = best;

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
    {
        // The monitor first: the curves mark the best epoch, this one included.
        var improved = Best.Update(metrics);
        run.WriteMetrics(state.History);
        if (renderCurves is not null) run.WriteCurves(renderCurves(state.History));
        if (improved && saveBest) Checkpoints.Save(run.BestCheckpoint, state.Model, optimizer: null, state: null, run.Owned);
        if (saveLast) Checkpoints.Save(run.LastCheckpoint, state.Model, state.Optimizer, checkpointState(state), run.Owned);
        run.WriteSummary(summarize(state));
    }

    public void OnTrainEnd(TrainingState state) => run.WriteSummary(summarize(state));

    public string StateKey => Key;

    public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double> { ["best"] = Best.Best, ["best_epoch"] = Best.BestEpoch };

    public string? StateProblem(IReadOnlyDictionary<string, double> state, int epochsDone) =>
        StateCheck.First(StateCheck.Present(state, "best"), StateCheck.Whole(state, "best_epoch", -1, epochsDone));

    public void LoadState(IReadOnlyDictionary<string, double> state) => Best.Restore(state["best"], (int)state["best_epoch"]);
}
