using System.Diagnostics;
using DeepDsl.Processes;

namespace DeepDsl.Sweeps;

/// <summary>
/// Runs a sweep's trials on this machine as separate processes, <c>parallel</c> at a time, each pinned to its share of the
/// CPUs (<see cref="CpuSlots"/>). A trial that fails is started once more; Ctrl-C interrupts every running trial, which
/// keeps its finished epochs, and the next sweep command resumes them. A trial another process trains (its run.lock is
/// held: a trial of a sweep command that was killed, still stopping, or a person's `deepdsl run --resume`) is waited for,
/// then taken up from where that process left it. Trials stop by themselves when this process dies (<see cref="ParentWatch"/>).
/// </summary>
public sealed class LocalExecutor(LocalExecutorOptions options) : ITrialExecutor
{
    /// <summary>Any folder will do: trials start here with their paths as arguments, no script carries them.</summary>
    public void Check(SweepFolder folder)
    {
    }

    public SweepOutcome Run(SweepSession session, TextWriter output, CancellationToken cancellation)
    {
        var (parallel, ranks) = (options.Parallel, options.Ranks);
        var queue = new Queue<TrialState>(session.Runnable());
        var running = new Dictionary<Process, TrialState>();
        var total = session.State.Trials.Count;
        var cpus = CpuSlots.For(parallel, ranks);
        var slotOf = new Dictionary<Process, int?>();
        var pinned = cpus.Slots.Count > 0 ? $", pinned to CPUs {string.Join(" | ", cpus.Slots.Select(slot => string.Join(",", slot)))}" : "";
        output.WriteLine($"Sweep {session.State.Name}: {total} trials, {total - queue.Count - session.Busy().Count} already finished, {queue.Count} to run, {parallel} at a time{pinned} ({session.Folder.Path})");
        foreach (var trial in session.Busy())
            output.WriteLine($"  trial {trial.Index} is running in another process (its run.lock is held); waiting for it: {session.Folder.TrialRun(trial.Hash)}");
        var lastLook = Stopwatch.StartNew();
        while (queue.Count > 0 || running.Count > 0 || session.Busy().Count > 0)
        {
            if (session.Busy().Count > 0 && lastLook.Elapsed > BusyLook && !cancellation.IsCancellationRequested)
            {
                lastLook.Restart();
                var waited = session.Busy();
                session.Refresh();
                foreach (var trial in waited.Select(t => session.State.Trials.Single(s => s.Hash == t.Hash)).Where(t => t.Status != TrialState.Running))
                {
                    output.WriteLine($"  trial {trial.Index} was let go by the other process: {trial.Status}");
                    if (SweepSession.IsRunnable(trial)) queue.Enqueue(trial);
                }
            }
            while (running.Count < parallel && queue.Count > 0 && !cancellation.IsCancellationRequested)
            {
                var slot = cpus.Take();
                var process = TrialProcess.Start(session, queue.Peek().Hash, ranks, cpus.Launcher(slot));
                var trial = session.Started(queue.Dequeue());
                running[process] = trial;
                slotOf[process] = slot;
                output.WriteLine($"  trial {trial.Index} started{(trial.Attempts > 0 ? $" (attempt {trial.Attempts + 1})" : "")}: {Describe(trial)}");
            }
            if (cancellation.IsCancellationRequested && running.Count == 0) return SweepOutcome.Unfinished;
            if (cancellation.IsCancellationRequested)
            {
                foreach (var process in running.Keys) ProcessSignals.Send(process, ProcessSignals.Interrupt);
                foreach (var (process, trial) in running)
                {
                    using (process) process.WaitForExit();
                    session.Ended(trial);
                }
                return SweepOutcome.Unfinished;
            }
            var done = running.Keys.FirstOrDefault(p => p.HasExited);
            if (done is null)
            {
                Thread.Sleep(100);
                continue;
            }
            int exit;
            using (done)
            {
                done.WaitForExit();
                exit = done.ExitCode;
            }
            var ended = session.Ended(running[done]);
            running.Remove(done);
            cpus.Release(slotOf[done]);
            slotOf.Remove(done);
            if (SweepSession.IsRunnable(ended))
            {
                output.WriteLine($"  trial {ended.Index} stopped with exit code {exit}; starting it once more (log: {session.Folder.TrialLog(ended.Hash)})");
                queue.Enqueue(ended);
                continue;
            }
            output.WriteLine($"  trial {ended.Index} {ended.Status}{(TrialState.IsFinished(ended.Status) ? "" : $" (exit code {exit}; log: {session.Folder.TrialLog(ended.Hash)})")}");
        }
        return SweepOutcome.Ended;
    }

    /// <summary>How often a trial that another process holds is looked at again.</summary>
    private static readonly TimeSpan BusyLook = TimeSpan.FromSeconds(1);

    private static string Describe(TrialState trial) => string.Join(", ", trial.Values.Select(v => $"{v.Key} = {v.Value}"));
}
