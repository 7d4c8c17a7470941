using DeepDsl.Dsl;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.IO;
using DeepDsl.Processes;
using DeepDsl.Runs;

namespace DeepDsl.Sweeps;

/// <summary>
/// One `deepdsl sweep` command's hold on its sweep folder: the trials compiled from the file, written as resolved specs,
/// their state reconciled with what their run folders say (finished trials are skipped, interrupted ones resumed, failed
/// ones retried once, ones another process trains waited for), and the folder locked so that two sweep commands never run
/// it at once.
/// An attempt counts only once the trial really started: its start marker (<see cref="SweepFolder.TrialStarted"/>) is
/// written by this command right after it started the trial's process (local), or by the Slurm task on its node before it
/// starts `deepdsl run` — not at submission, so a job sbatch refused, or a task cancelled while queued, costs nothing. The
/// marker is consumed when the attempt's end is recorded; a sweep command that died before doing so leaves it for the next.
/// </summary>
public sealed class SweepSession : IDisposable
{
    private readonly RunLock held;
    private readonly HashSet<string> mine = []; // the trials this command started and has not seen end

    private SweepSession(SweepFolder folder, SweepSpec sweep, SweepState state, RunLock held, SelfCommand deepdsl)
    {
        Folder = folder;
        Deepdsl = deepdsl;
        Sweep = sweep;
        State = state;
        this.held = held;
    }

    public SweepFolder Folder { get; }

    public SweepSpec Sweep { get; }

    public SweepState State { get; private set; }

    /// <summary>The deepdsl that runs the trials (<see cref="TrialProcess.Arguments"/>).</summary>
    public SelfCommand Deepdsl { get; }

    /// <summary>Opens (creates or continues) the sweep compiled into <paramref name="compilation"/> (its file is <see cref="SpecCompilation.Files"/>' first) under <paramref name="runsRoot"/>.</summary>
    /// <param name="deepdsl">
    /// The deepdsl that runs the trials: the CLI passes itself (<see cref="SelfCommand.Current"/>); a library passes the
    /// installed tool, since the program running there is the library's user, not deepdsl.
    /// </param>
    /// <exception cref="RunException">Another sweep command holds the sweep, or its records are damaged; the message names the file.</exception>
    /// <exception cref="ArgumentException"><paramref name="compilation"/> has errors or no sweep: section (the caller reports those first).</exception>
    public static SweepSession Open(SpecCompilation compilation, string runsRoot, SelfCommand deepdsl)
    {
        ArgumentNullException.ThrowIfNull(deepdsl);
        if (compilation.HasErrors || compilation.Sweep is null || compilation.Files.Count == 0)
            throw new ArgumentException($"{(compilation.Files.Count > 0 ? compilation.Files[0] : "the spec")} compiled with errors or without a sweep: section; a sweep opens only from a sound compilation of one", nameof(compilation));
        var file = compilation.Files[0];
        var spec = compilation.Spec!;
        var folder = SweepFolder.For(runsRoot, spec.Name);
        // As for a run (PathGuard.CreateFolderInside): runs/<name> may not lead out of the runs root, and is a real folder.
        Directory.CreateDirectory(runsRoot);
        if (!PathGuard.IsInside(runsRoot, folder.Path))
            throw new IOException($"{folder.Path} lies outside {Path.GetFullPath(runsRoot)} once its links are followed; DeepDsl writes sweeps only inside the runs root");
        new OwnedFolder(runsRoot).Folder(Path.GetRelativePath(Path.GetFullPath(runsRoot), folder.Path));
        folder.Owned.Folder("trials");
        folder.Owned.Folder("logs");
        folder.Owned.Folder(Path.GetFileName(folder.Started));
        var held = RunLock.Acquire(folder.Path, SweepFolder.LockFile);
        try
        {
            folder.Owned.Checked(folder.StateFile);
            var previous = SweepState.Read(folder)?.Trials.ToDictionary(t => t.Hash) ?? [];
            // The trials read the rung record at each rung; a damaged one is reported here, once, before any of them starts.
            if (compilation.Sweep!.EarlyTerminate is not null) DeepDsl.Sweeps.AshaRungs.Read(folder.RungFile);
            var trials = new List<TrialState>();
            foreach (var trial in compilation.Trials)
            {
                var hash = trial.Spec.ContentHash;
                AtomicFile.WriteAllText(folder.TrialSpec(hash), trial.Spec.CanonicalYaml, folder.Owned);
                var before = previous.GetValueOrDefault(hash);
                trials.Add(Reconcile(folder, new TrialState(trial.Index, hash, trial.Assignments.ToDictionary(a => a.Path, a => a.Value.Yaml),
                    before?.Attempts ?? 0, before?.Status ?? TrialState.Pending)));
            }
            var sweep = compilation.Sweep!;
            var state = new SweepState(spec.Name, Path.GetFullPath(file), sweep.Metric, sweep.Maximize,
                (int?)sweep.EarlyTerminate?.MinEpochs, (int?)sweep.EarlyTerminate?.ReductionFactor, trials);
            state.Write(folder);
            return new SweepSession(folder, sweep, state, held, deepdsl);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>The trials this command should start: not finished, not out of attempts, not trained by a process now.</summary>
    public IReadOnlyList<TrialState> Runnable() => State.Trials.Where(IsRunnable).ToList();

    public static bool IsRunnable(TrialState trial) => !TrialState.IsFinished(trial.Status) && trial.Status is not (TrialState.Failed or TrialState.Running);

    /// <summary>The trials another process trains now (their run.lock is held): never started a second time, never failed for it.</summary>
    public IReadOnlyList<TrialState> Busy() => State.Trials.Where(t => t.Status == TrialState.Running && !mine.Contains(t.Hash)).ToList();

    /// <summary>Records that this command started the trial's process: its start marker, so the attempt counts when it ends.</summary>
    public TrialState Started(TrialState trial)
    {
        AtomicFile.WriteAllBytes(Folder.TrialStarted(trial.Hash), [], Folder.Owned);
        mine.Add(trial.Hash);
        var started = trial with { Status = TrialState.Running };
        Update(started);
        return started;
    }

    /// <summary>Reads how a trial's attempt ended and records it; a trial out of attempts without a finished run is failed.</summary>
    public TrialState Ended(TrialState trial)
    {
        mine.Remove(trial.Hash);
        return Update(Reconcile(Folder, trial));
    }

    /// <summary>Reads again the trials another process trained (<see cref="Busy"/>): those it let go are finished, or runnable again.</summary>
    public void Refresh()
    {
        foreach (var trial in Busy()) Update(Reconcile(Folder, trial));
    }

    private TrialState Update(TrialState trial)
    {
        lock (held)
        {
            State = State.With(trial);
            State.Write(Folder);
        }
        return trial;
    }

    /// <summary>
    /// A trial's state from its run folder and its start marker. Held by a process: running. Otherwise an attempt that
    /// started (its marker) is counted — unless it ended interrupted, which is a pause, not a failure — and the marker
    /// consumed; then the run's status if it finished or was interrupted, else failed when out of attempts, else pending.
    /// </summary>
    private static TrialState Reconcile(SweepFolder folder, TrialState trial)
    {
        var run = RunStatusOf(folder.TrialRun(trial.Hash));
        if (run == TrialState.Running) return trial with { Status = TrialState.Running };
        var marker = folder.TrialStarted(trial.Hash);
        var started = File.Exists(marker);
        var attempts = trial.Attempts + (started && run != RunStatus.Interrupted.Name ? 1 : 0);
        var status = run is not null && (TrialState.IsFinished(run) || run == RunStatus.Interrupted.Name) ? run
            : attempts >= TrialState.MaxAttempts ? TrialState.Failed
            : TrialState.Pending;
        if (started) File.Delete(marker);
        return trial with { Attempts = attempts, Status = status };
    }

    /// <summary>"running" while a process holds the run's lock; else the status its summary records, or null (none).</summary>
    private static string? RunStatusOf(string run)
    {
        if (!Directory.Exists(run)) return null;
        try
        {
            // The folder appears only with its lock taken (RunDirectory.CreateExactly), so a free lock means no process trains it.
            using (RunLock.Acquire(run)) { }
        }
        catch (RunException)
        {
            return TrialState.Running;
        }
        // Summaries are written atomically, so a damaged one was damaged by someone: an error naming it, not a silent re-run.
        return File.Exists(Path.Combine(run, RunDirectory.SummaryFileName)) ? RunDirectory.Open(run).ReadSummary()?.Status : null;
    }

    public void Dispose() => held.Dispose();
}
