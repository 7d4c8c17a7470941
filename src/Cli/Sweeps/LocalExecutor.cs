using System.Diagnostics;

namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// Runs a sweep's trials on this machine as separate processes, <c>parallel</c> at a time, each pinned to its share of the
/// CPUs (<see cref="CpuSlots"/>). A trial that fails is started once more; Ctrl-C interrupts every running trial, which
/// keeps its finished epochs, and the next sweep command resumes them.
/// </summary>
internal static class LocalExecutor
{
    /// <param name="ranks">Processes per trial (data-parallel, `deepdsl run --nproc`).</param>
    public static bool Run(SweepSession session, int parallel, int ranks, TextWriter output, CancellationToken cancellation)
    {
        var asha = session.Sweep.EarlyTerminate is not null;
        var queue = new Queue<TrialState>(session.Runnable());
        var running = new Dictionary<Process, TrialState>();
        var total = session.State.Trials.Count;
        var cpus = CpuSlots.For(parallel, ranks);
        var slotOf = new Dictionary<Process, int?>();
        var pinned = cpus.Slots.Count > 0 ? $", pinned to CPUs {string.Join(" | ", cpus.Slots.Select(slot => string.Join(",", slot)))}" : "";
        output.WriteLine($"Sweep {session.State.Name}: {total} trials, {total - queue.Count} already finished, {queue.Count} to run, {parallel} at a time{pinned} ({session.Folder.Path})");
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < parallel && queue.Count > 0 && !cancellation.IsCancellationRequested)
            {
                var trial = session.Started(queue.Dequeue());
                var slot = cpus.Take();
                var process = TrialProcess.Start(session.Folder, trial.Hash, asha, ranks, cpus.Launcher(slot));
                running[process] = trial;
                slotOf[process] = slot;
                output.WriteLine($"  trial {trial.Index} started{(trial.Attempts > 1 ? $" (attempt {trial.Attempts})" : "")}: {Describe(trial)}");
            }
            if (cancellation.IsCancellationRequested)
            {
                foreach (var process in running.Keys) TrialProcess.Interrupt(process);
                foreach (var (process, trial) in running)
                {
                    process.WaitForExit();
                    session.Ended(trial);
                }
                return false;
            }
            var done = running.Keys.FirstOrDefault(p => p.HasExited);
            if (done is null)
            {
                Thread.Sleep(100);
                continue;
            }
            done.WaitForExit();
            var ended = session.Ended(running[done]);
            running.Remove(done);
            cpus.Release(slotOf[done]);
            slotOf.Remove(done);
            if (!TrialState.IsFinished(ended.Status) && ended.Attempts < TrialState.MaxAttempts)
            {
                output.WriteLine($"  trial {ended.Index} stopped with exit code {done.ExitCode}; starting it once more (log: {session.Folder.TrialLog(ended.Hash)})");
                queue.Enqueue(ended with { Status = TrialState.Pending });
                continue;
            }
            output.WriteLine($"  trial {ended.Index} {ended.Status}{(TrialState.IsFinished(ended.Status) ? "" : $" (exit code {done.ExitCode}; log: {session.Folder.TrialLog(ended.Hash)})")}");
            done.Dispose();
        }
        return true;
    }

    private static string Describe(TrialState trial) => string.Join(", ", trial.Values.Select(v => $"{v.Key} = {v.Value}"));
}
