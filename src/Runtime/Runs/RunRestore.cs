using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>Puts a run's last checkpoint back into a fresh model, optimizer, schedule and callbacks, so training goes on where it stopped.</summary>
internal static class RunRestore
{
    /// <summary>Restores everything the run's last checkpoint holds; returns the wall time the run had taken before.</summary>
    /// <exception cref="RunException">The run was made from another spec, has no checkpoint, or its checkpoint and records disagree.</exception>
    /// <exception cref="InvalidDataException">The checkpoint is damaged or crafted (its trainer state fails a check).</exception>
    public static double Restore(RunDirectory run, IExperiment experiment, int epochs, Module model, Optimizer optimizer,
        ILearningRateSchedule? schedule, TrainingState state, IReadOnlyList<ITrainingCallback> callbacks)
    {
        if (run.ReadSpec() != experiment.ResolvedSpec)
            throw new RunException($"{run.Path} was made from a different spec (its spec.yaml differs from {experiment.SourcePath} resolved); resume it with the spec it recorded.");
        if (!File.Exists(run.LastCheckpoint))
            throw new RunException($"{run.Path} has no last checkpoint to resume from ({run.LastCheckpoint}).");
        var stateful = callbacks.OfType<IStatefulCallback>().ToList();
        var saved = Checkpoints.LoadToResume(run.LastCheckpoint, model, optimizer, schedule, stateful)
            ?? throw new RunException($"{run.LastCheckpoint} holds no trainer state; it cannot be resumed.");
        var history = run.ReadMetrics();
        if (saved.EpochsDone > epochs)
            throw new RunException($"{run.LastCheckpoint} was saved after epoch {saved.EpochsDone}, past the {epochs} epochs of this run; pass --epochs {saved.EpochsDone} or more to continue it.");
        if (history.Count < saved.EpochsDone)
            throw new RunException($"{run.MetricsFile} has {history.Count} epochs but the last checkpoint was saved after epoch {saved.EpochsDone}: the run's records are damaged.");
        state.Epoch = saved.EpochsDone;
        state.GlobalStep = saved.GlobalStep;
        state.History.AddRange(history.Take(saved.EpochsDone));
        schedule?.LoadState(saved.ScheduleState);
        foreach (var callback in stateful) callback.LoadState(saved.Callbacks[callback.StateKey]);
        RestoreBestWeights(run, callbacks, saved);
        return saved.WallSecondsBefore;
    }

    // Early stopping restores its best epoch's weights at the end: the best checkpoint holds them when both monitors agree on
    // that epoch. The checkpoint monitor's best epoch is read from the saved state, which every rank has (only rank 0 records).
    private static void RestoreBestWeights(RunDirectory run, IReadOnlyList<ITrainingCallback> callbacks, TrainerCheckpointState saved)
    {
        var earlyStopping = callbacks.OfType<EarlyStopping>().FirstOrDefault();
        var checkpointBest = saved.Callbacks.TryGetValue(RunRecorder.Key, out var monitor) ? (int?)monitor["best_epoch"] : null;
        if (earlyStopping is null || !File.Exists(run.BestCheckpoint) || earlyStopping.Monitor.BestEpoch != checkpointBest) return;
        var weights = Checkpoints.LoadWeights(run.BestCheckpoint);
        try
        {
            earlyStopping.RestoreBestWeights(weights);
        }
        finally
        {
            foreach (var tensor in weights.Values) tensor.Dispose();
        }
    }
}
