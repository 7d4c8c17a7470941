using DeepDsl.Cli.Specs;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.IO;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// One `deepdsl sweep` command's hold on its sweep folder: the trials compiled from the file, written as resolved specs,
/// their state reconciled with what their run folders say (finished trials are skipped, interrupted ones resumed, failed
/// ones retried once), and the folder locked so that two sweep commands never run it at once.
/// </summary>
internal sealed class SweepSession : IDisposable
{
    private readonly RunLock held;

    private SweepSession(SweepFolder folder, SpecCompilation compilation, SweepState state, RunLock held)
    {
        Folder = folder;
        Compilation = compilation;
        State = state;
        this.held = held;
    }

    public SweepFolder Folder { get; }

    public SpecCompilation Compilation { get; }

    public SweepSpec Sweep => Compilation.Sweep!;

    public SweepState State { get; private set; }

    public static SweepSession Open(string file, string runsRoot, SpecCompilation compilation)
    {
        var spec = compilation.Spec!;
        var folder = SweepFolder.For(runsRoot, spec.Name);
        Directory.CreateDirectory(folder.Trials);
        Directory.CreateDirectory(folder.Logs);
        var held = RunLock.Acquire(folder.Path, SweepFolder.LockFile);
        try
        {
            var previous = SweepState.Read(folder)?.Trials.ToDictionary(t => t.Hash) ?? [];
            // The trials read the rung record at each rung; a damaged one is reported here, once, before any of them starts.
            if (compilation.Sweep!.EarlyTerminate is not null) DeepDsl.Sweeps.AshaRungs.Read(folder.RungFile);
            var trials = new List<TrialState>();
            foreach (var trial in compilation.Trials)
            {
                var hash = trial.Spec.ContentHash;
                AtomicFile.WriteAllText(folder.TrialSpec(hash), trial.Spec.CanonicalYaml);
                var attempts = previous.TryGetValue(hash, out var before) ? before.Attempts : 0;
                trials.Add(new TrialState(trial.Index, hash, trial.Assignments.ToDictionary(a => a.Path, a => a.Value.Yaml), attempts, StatusOf(folder, hash, attempts)));
            }
            var sweep = compilation.Sweep!;
            var state = new SweepState(spec.Name, Path.GetFullPath(file), sweep.Metric, sweep.Maximize,
                (int?)sweep.EarlyTerminate?.MinEpochs, (int?)sweep.EarlyTerminate?.ReductionFactor, trials);
            state.Write(folder);
            return new SweepSession(folder, compilation, state, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Compiles the trials about to run, here, in one process: each trial process then starts from the compile cache.</summary>
    public void Precompile(TextWriter output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trials = Runnable();
        foreach (var trial in trials) Generation.GeneratedExperiment.Precompile(Folder.TrialSpec(trial.Hash), trial.Hash);
        if (trials.Count > 0) output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Compiled {trials.Count} trials in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>The trials this command should start: not finished, and not out of attempts.</summary>
    public IReadOnlyList<TrialState> Runnable() => State.Trials.Where(t => !TrialState.IsFinished(t.Status) && t.Status != TrialState.Failed).ToList();

    public TrialState Started(TrialState trial)
    {
        var started = trial with { Attempts = trial.Attempts + 1, Status = "running" };
        Update(started);
        return started;
    }

    /// <summary>Reads how a trial's run ended; a trial out of attempts without a finished run is failed.</summary>
    public TrialState Ended(TrialState trial)
    {
        var status = StatusOf(Folder, trial.Hash, trial.Attempts);
        // An interrupted trial did not fail: the attempt does not count against its retry.
        var ended = status == "interrupted"
            ? trial with { Status = status, Attempts = trial.Attempts - 1 }
            : trial with { Status = status == "running" ? TrialState.Failed : status };
        Update(ended);
        return ended;
    }

    private void Update(TrialState trial)
    {
        lock (held)
        {
            State = State.With(trial);
            State.Write(Folder);
        }
    }

    private static string StatusOf(SweepFolder folder, string hash, int attempts)
    {
        var run = folder.TrialRun(hash);
        // Summaries are written atomically, so a damaged one was damaged by someone: an error naming it, not a silent re-run.
        var status = File.Exists(Path.Combine(run, RunDirectory.SummaryFileName)) ? RunDirectory.Open(run).ReadSummary()?.Status : null;
        if (status is not null && TrialState.IsFinished(status)) return status;
        if (status == "interrupted") return status; // stopped by a person or a scheduler, not failed: it resumes
        if (attempts >= TrialState.MaxAttempts) return TrialState.Failed;
        return status ?? TrialState.Pending;
    }

    public void Dispose() => held.Dispose();
}
