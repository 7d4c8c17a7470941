using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>
/// Runs an experiment end to end: loads the data on the device, builds the generated model,
/// optimizer and schedule, trains with early stopping and checkpoints into a run folder (or
/// resumes one), then evaluates the best weights on the test set and writes the summary.
/// With several ranks (<see cref="RunOptions.Parallel"/>) every rank trains, and rank 0 alone writes the run folder.
/// </summary>
public static class ExperimentRunner
{
    public static RunResult Run(IExperiment experiment, RunOptions options, TextWriter log,
        IReadOnlyList<ITrainingCallback>? extraCallbacks = null, CancellationToken cancellation = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var device = DeviceSelection.Resolve(options.Device ?? experiment.Training.Device);
        var settings = experiment.Training;
        var epochs = options.Epochs ?? settings.Epochs;
        var parallel = options.Parallel;
        var leader = parallel is null || parallel.Rank == 0;

        if (options.Threads is { } threads) torch.set_num_threads(threads);
        // The threads in use: libtorch's intra-op pool (one in a build without OpenMP, as Debian's) or OpenBLAS's, whichever is larger.
        var mathThreads = Math.Max(torch.get_num_threads(), torch.get_blas_num_threads() ?? 0);
        torch.manual_seed(experiment.Seed);
        using var model = experiment.CreateModel();
        model.to(device);
        using var optimizer = experiment.CreateOptimizer(model.parameters());
        using var data = DatasetLoader.Load(experiment.Data, device, log);
        CheckInput(data, experiment);
        var stepsPerEpoch = (int)((data.TrainCount + settings.BatchSize - 1) / settings.BatchSize);
        var schedule = experiment.CreateSchedule(stepsPerEpoch, epochs);
        var state = new TrainingState(model, optimizer, schedule, epochs, stepsPerEpoch);

        var hasValidation = data.ValidationX is not null;
        var checkpointSettings = settings.Checkpoint ?? new CheckpointSettings();
        var checkpointMonitor = new MetricMonitor(Monitored(checkpointSettings.Monitor, hasValidation), checkpointSettings.Mode);
        using var earlyStopping = settings.EarlyStopping is { } es
            ? new EarlyStopping(es with { Monitor = Monitored(es.Monitor, hasValidation) })
            : null;

        RunDirectory run;
        RunLock? runLock = null;
        double wallBefore = 0;
        var resume = options.Resume;
        if (options.RunFolder is { } exact && File.Exists(Path.Combine(exact, "checkpoints", "last.safetensors"))) resume = exact;
        if (resume is not null)
        {
            // Every rank restores from the same checkpoint (so the run folder must be readable by all of them); only rank 0 holds the lock.
            run = RunDirectory.Open(resume);
            if (leader) runLock = run.Lock();
            try
            {
                wallBefore = Restore(run, experiment, epochs, model, optimizer, schedule, state, checkpointMonitor, earlyStopping);
            }
            catch
            {
                runLock?.Dispose();
                throw;
            }
            log.WriteLine($"Resuming {run.Path} at epoch {state.Epoch + 1}/{epochs}");
        }
        else if (leader)
        {
            (run, runLock) = options.RunFolder is { } folder
                ? RunDirectory.CreateExactly(folder)
                : RunDirectory.Create(options.RunsRoot, experiment.Name, experiment.SpecHash, started);
            run.WriteSpec(experiment.ResolvedSpec);
        }
        else run = new RunDirectory(options.RunsRoot); // replaced by rank 0's folder just below
        using var heldLock = runLock;
        if (parallel is not null)
        {
            if (options.Resume is null) run = new RunDirectory(parallel.BroadcastText(leader ? run.Path : ""));
            parallel.BroadcastFromRankZero(model, optimizer.Parameters.Values);
        }

        // The engine and versions are the process's: read once, not at every epoch's summary.
        var versions = Versions();
        RunSummary Summarize(TrainingState s, IReadOnlyDictionary<string, double>? test = null, bool finished = false)
        {
            var bestRow = s.History.FirstOrDefault(m => m.Epoch == checkpointMonitor.BestEpoch);
            var trainedSeconds = s.History.Sum(m => m.Seconds);
            return new RunSummary(experiment.Name, experiment.SpecHash, experiment.SourcePath,
                (finished ? s.Status : RunStatus.Running).Name, s.StopReason, s.History.Count, checkpointMonitor.BestEpoch,
                bestRow?.ToDictionary(), test, wallBefore + clock.Elapsed.TotalSeconds,
                s.History.Count == 0 ? 0 : trainedSeconds / s.History.Count, device.ToString(), experiment.Seed, versions, started,
                finished ? DateTimeOffset.UtcNow : null, parallel?.WorldSize ?? 1, mathThreads, checkpointMonitor.Metric, data.Normalization);
        }

        TrainerCheckpointState CheckpointState(TrainingState s) => new(s.Epoch + 1, s.GlobalStep,
            checkpointMonitor.Best, checkpointMonitor.BestEpoch,
            earlyStopping?.Monitor.Best ?? double.NaN, earlyStopping?.Monitor.BestEpoch ?? -1, earlyStopping?.Wait ?? 0,
            schedule?.State ?? new Dictionary<string, double>(), wallBefore + clock.Elapsed.TotalSeconds);

        var recorder = new RunRecorder(run, checkpointMonitor, checkpointSettings.SaveBest, checkpointSettings.SaveLast,
            s => Summarize(s), CheckpointState, history => Plots.LearningCurves.Render(experiment.Name, history, checkpointMonitor.BestEpoch,
                // The momentum a cycling schedule set for each epoch's last step (null when the schedule leaves it alone).
                epoch => schedule?.MomentumAt((long)epoch * stepsPerEpoch - 1)));
        var callbacks = new List<ITrainingCallback>();
        if (earlyStopping is not null) callbacks.Add(earlyStopping);
        if (leader) callbacks.Add(recorder);
        if (leader && options.ActivationSamples is { } samples) callbacks.Add(new ActivationStatistics(run, samples));
        callbacks.AddRange(extraCallbacks ?? [new EpochLog(log)]);

        var trainer = new Trainer(model, optimizer, schedule, settings.Loss, experiment.Seed, callbacks) { Parallel = parallel };
        trainer.Fit(data, state, settings.BatchSize, settings.Shuffle, cancellation);

        IReadOnlyDictionary<string, double>? test = null;
        if (state.Status != RunStatus.Interrupted && leader && data.HasTest)
        {
            // The test set scores the best weights, as reported in the book (restore_best_weights).
            if (checkpointSettings.SaveBest && File.Exists(run.BestCheckpoint)) Checkpoints.Load(run.BestCheckpoint, model, optimizer: null);
            var evaluation = trainer.Evaluate(data.TestX, data.TestY);
            test = new Dictionary<string, double> { ["loss"] = evaluation.Loss, ["accuracy"] = evaluation.Accuracy };
        }
        var summary = Summarize(state, test, finished: true);
        if (leader) run.WriteSummary(summary);
        return new RunResult(run, summary);
    }

    /// <summary>
    /// The data's examples must be what the model takes: the spec's rules check what the spec tells (CIFAR-10's shape, an
    /// image folder's channels), the files tell the rest (an image folder's image size, a CSV file's columns, .npy arrays).
    /// </summary>
    public static void CheckInput(DatasetSplits data, IExperiment experiment)
    {
        if (!data.InputShape.SequenceEqual(experiment.InputShape))
            throw new DataException($"the data's examples are [{string.Join(", ", data.InputShape)}] but model.input is [{string.Join(", ", experiment.InputShape)}]: set model.input: [{string.Join(", ", data.InputShape)}].");
    }

    /// <summary>Puts a run's last checkpoint back into the model, optimizer, schedule and monitors; returns the wall time it had run.</summary>
    /// <exception cref="RunException">The run was made from another spec, has no checkpoint, or its checkpoint and records disagree.</exception>
    private static double Restore(RunDirectory run, IExperiment experiment, int epochs, Nn.Module model, Optim.Optimizer optimizer,
        Schedules.ILearningRateSchedule? schedule, TrainingState state, MetricMonitor checkpointMonitor, EarlyStopping? earlyStopping)
    {
        if (run.ReadSpec() != experiment.ResolvedSpec)
            throw new RunException($"{run.Path} was made from a different spec (its spec.yaml differs from {experiment.SourcePath} resolved); resume it with the spec it recorded.");
        if (!File.Exists(run.LastCheckpoint))
            throw new RunException($"{run.Path} has no last checkpoint to resume from ({run.LastCheckpoint}).");
        var saved = Checkpoints.Load(run.LastCheckpoint, model, optimizer)
            ?? throw new RunException($"{run.LastCheckpoint} holds no trainer state; it cannot be resumed.");
        var history = run.ReadMetrics();
        if (saved.EpochsDone > epochs)
            throw new RunException($"{run.LastCheckpoint} was saved after epoch {saved.EpochsDone}, past the {epochs} epochs of this run; pass --epochs {saved.EpochsDone} or more to continue it.");
        if (history.Count < saved.EpochsDone)
            throw new RunException($"{run.MetricsFile} has {history.Count} epochs but the last checkpoint was saved after epoch {saved.EpochsDone}: the run's records are damaged.");
        state.Epoch = saved.EpochsDone;
        state.GlobalStep = saved.GlobalStep;
        state.History.AddRange(history.Take(saved.EpochsDone));
        try
        {
            schedule?.LoadState(saved.ScheduleState);
        }
        catch (KeyNotFoundException error)
        {
            throw new RunException($"{run.LastCheckpoint} holds no state for this run's learning-rate schedule ({error.Message}).", error);
        }
        checkpointMonitor.Restore(saved.CheckpointBest, saved.CheckpointBestEpoch);
        earlyStopping?.Restore(saved.EarlyStoppingBest, saved.EarlyStoppingBestEpoch, saved.EarlyStoppingWait,
            File.Exists(run.BestCheckpoint) && saved.EarlyStoppingBestEpoch == saved.CheckpointBestEpoch ? Checkpoints.LoadWeights(run.BestCheckpoint) : null);
        return saved.WallSecondsBefore;
    }

    /// <summary>Without a validation split, val_* metrics do not exist: monitor the training metric instead.</summary>
    private static string Monitored(string metric, bool hasValidation) =>
        hasValidation || !metric.StartsWith("val_", StringComparison.Ordinal) ? metric : metric["val_".Length..];

    public static IReadOnlyDictionary<string, string> Versions() => Versions(EngineInfo.Current());

    private static IReadOnlyDictionary<string, string> Versions(EngineInfo engine) => new Dictionary<string, string>
    {
        ["deepdsl"] = typeof(ExperimentRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        ["engine"] = engine.Engine,
        ["libtorch"] = engine.LibTorch,
        ["blas"] = engine.Blas,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
    };
}
