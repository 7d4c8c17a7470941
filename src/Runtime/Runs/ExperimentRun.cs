using System.Diagnostics;
using DeepDsl.Data;
using DeepDsl.Dsl.Schema;
using DeepDsl.Experiments;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// Starts or resumes a run of an experiment, end to end: loads the data on the device, builds the generated model,
/// optimizer and schedule, trains with early stopping and checkpoints into a run folder (or resumes one), then evaluates
/// the best weights on the test set and writes the summary. What `deepdsl run`, a sweep's trial and a program of one's
/// own (the template's) all call. With several ranks (<see cref="RunOptions.Parallel"/>) every rank trains, and rank 0
/// alone writes the run folder.
/// </summary>
public static class ExperimentRun
{
    /// <summary>
    /// Trains <paramref name="experiment"/> into a new run folder, or resumes <see cref="RunOptions.Resume"/> (and a
    /// <see cref="RunOptions.RunFolder"/> that has a last checkpoint). <paramref name="reporter"/> is the one console
    /// reporter (null: a line per epoch on <paramref name="log"/>, <see cref="EpochLog"/>); <paramref name="callbacks"/>
    /// (loggers, a sweep's rungs, one's own) are added to the run's own callbacks, never replace them.
    /// </summary>
    public static RunResult Start(IExperiment experiment, RunOptions options, TextWriter log,
        IReadOnlyList<ITrainingCallback>? callbacks = null, CancellationToken cancellation = default, ITrainingCallback? reporter = null)
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
        ExperimentInput.Check(data, experiment);
        var stepsPerEpoch = (int)((data.TrainCount + settings.BatchSize - 1) / settings.BatchSize);
        var schedule = experiment.CreateSchedule(stepsPerEpoch, epochs);
        var state = new TrainingState(model, optimizer, schedule, epochs, stepsPerEpoch);

        var hasValidation = data.ValidationX is not null;
        var checkpointSettings = settings.Checkpoint ?? new CheckpointSettings();
        var checkpointMonitor = new MetricMonitor(Monitored(checkpointSettings.Monitor, hasValidation), checkpointSettings.Mode);
        using var earlyStopping = settings.EarlyStopping is { } es
            ? new EarlyStopping(es with { Monitor = Monitored(es.Monitor, hasValidation) })
            : null;

        var resume = options.Resume;
        if (options.RunFolder is { } exact && File.Exists(new RunDirectory(exact).LastCheckpoint)) resume = exact;
        var (run, runLock) = RunFolder(experiment, options, resume, leader, started);
        using var heldLock = runLock;
        if (parallel is not null && options.Resume is null) run = new RunDirectory(parallel.BroadcastText(leader ? run.Path : ""));

        // The engine and versions are the process's: read once, not at every epoch's summary.
        var versions = RunVersions.Current();
        double wallBefore = 0;
        RunSummary Summarize(TrainingState s, IReadOnlyDictionary<string, double>? test = null, bool finished = false)
        {
            var bestRow = s.History.FirstOrDefault(m => m.Epoch == checkpointMonitor.BestEpoch);
            var trainedSeconds = s.History.Sum(m => m.Seconds);
            return new RunSummary(experiment.Name, experiment.SpecHash, experiment.SourcePath,
                (finished ? RunStatus.Of(s.Status) : RunStatus.Running).Name, s.StopReason, s.History.Count, checkpointMonitor.BestEpoch,
                bestRow?.ToDictionary(), test, wallBefore + clock.Elapsed.TotalSeconds,
                s.History.Count == 0 ? 0 : trainedSeconds / s.History.Count, device.ToString(), experiment.Seed, versions, started,
                finished ? DateTimeOffset.UtcNow : null, parallel?.WorldSize ?? 1, mathThreads, checkpointMonitor.Metric, data.Normalization);
        }

        var all = new List<ITrainingCallback>();
        TrainerCheckpointState CheckpointState(TrainingState s) => new(s.Epoch + 1, s.GlobalStep,
            schedule?.State ?? new Dictionary<string, double>(), wallBefore + clock.Elapsed.TotalSeconds,
            all.OfType<IStatefulCallback>().ToDictionary(c => c.StateKey, c => c.SaveState()));

        var recorder = new RunRecorder(run, checkpointMonitor, checkpointSettings.SaveBest, checkpointSettings.SaveLast,
            s => Summarize(s), CheckpointState, history => Plots.LearningCurves.Render(experiment.Name, history, checkpointMonitor.BestEpoch));
        // The recorder after every callback with state, so that the last checkpoint holds their state after this epoch.
        if (earlyStopping is not null) all.Add(earlyStopping);
        all.AddRange(callbacks ?? []);
        if (leader) all.Add(recorder);
        if (leader && options.ActivationSamples is { } samples) all.Add(new ActivationStatistics(run, samples));
        if (leader && (options.TensorBoard || settings.TensorBoard)) all.Add(TensorBoard.TensorBoardLogger.For(run, experiment));
        all.Add(reporter ?? new EpochLog(log));
        CheckStateKeys(all);

        if (resume is not null)
        {
            wallBefore = RunRestore.Restore(run, experiment, epochs, model, optimizer, schedule, state, all);
            log.WriteLine($"Resuming {run.Path} at epoch {state.Epoch + 1}/{epochs}");
        }
        parallel?.BroadcastFromRankZero(model, optimizer.Parameters.Values);

        var trainer = new Trainer(model, optimizer, schedule, settings.Loss, experiment.Seed, all) { Parallel = parallel };
        trainer.Fit(data, state, settings.BatchSize, settings.Shuffle, cancellation);

        IReadOnlyDictionary<string, double>? test = null;
        if (state.Status != TrainingStatus.Interrupted && leader && data.HasTest)
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

    /// <summary>Resumes the run in <paramref name="runFolder"/> from its last checkpoint, as <see cref="Start"/> does with <see cref="RunOptions.Resume"/>.</summary>
    public static RunResult Resume(IExperiment experiment, string runFolder, RunOptions options, TextWriter log,
        IReadOnlyList<ITrainingCallback>? callbacks = null, CancellationToken cancellation = default, ITrainingCallback? reporter = null) =>
        Start(experiment, options with { Resume = runFolder }, log, callbacks, cancellation, reporter);

    // Every rank of a resumed run restores from the same checkpoint (so the run folder must be readable by all of them); only rank 0 holds the lock.
    private static (RunDirectory Run, RunLock? Lock) RunFolder(IExperiment experiment, RunOptions options, string? resume, bool leader, DateTimeOffset started)
    {
        if (resume is not null)
        {
            var resumed = RunDirectory.Open(resume);
            return (resumed, leader ? resumed.Lock() : null);
        }
        if (!leader) return (new RunDirectory(options.RunsRoot), null); // replaced by rank 0's folder once the ranks meet
        var (run, runLock) = options.RunFolder is { } folder
            ? RunDirectory.CreateExactly(folder)
            : RunDirectory.Create(options.RunsRoot, experiment.Name, experiment.SpecHash, started);
        run.WriteSpec(experiment.ResolvedSpec);
        return (run, runLock);
    }

    // Two callbacks keeping their state under one key would overwrite each other's in the checkpoint; one with state after the
    // recorder (the reporter slot) would be saved an epoch behind. Both are bugs of the caller, refused before training.
    private static void CheckStateKeys(IReadOnlyList<ITrainingCallback> callbacks)
    {
        var twice = callbacks.OfType<IStatefulCallback>().GroupBy(c => c.StateKey).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"two callbacks keep their checkpoint state under '{twice.Key}'; give each its own key");
        var recorder = callbacks.ToList().FindIndex(c => c is RunRecorder);
        if (recorder >= 0 && callbacks.Skip(recorder + 1).OfType<IStatefulCallback>().FirstOrDefault() is { } late)
            throw new InvalidOperationException($"the callback keeping its state under '{late.StateKey}' runs after the run's recorder, which would save its state an epoch behind; pass it among the callbacks, not as the reporter");
    }

    /// <summary>
    /// The metric a run watches: a null monitor is the language's default for the data (<see cref="MonitorDefault"/>). A named val_*
    /// metric without a validation split (only a hand-written experiment: the language refuses it, DDSL501) watches the training metric.
    /// </summary>
    private static string Monitored(string? metric, bool hasValidation) => metric is null ? MonitorDefault.Loss.For(hasValidation)
        : hasValidation || !metric.StartsWith("val_", StringComparison.Ordinal) ? metric : metric["val_".Length..];
}
