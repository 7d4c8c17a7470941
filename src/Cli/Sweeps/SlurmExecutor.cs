using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepDsl.IO;

namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// Runs a sweep's trials as one Slurm job array: writes slurm/sweep.sbatch (one array task per trial, one CPU each) and
/// submits it with sbatch. Preemption-safe, as submitit does it: Slurm signals the task (USR1) before its time limit; the
/// task interrupts its trial, which keeps its finished epochs and checkpoint, and requeues itself; the requeued task
/// resumes the trial from its checkpoint (its run folder is named by the trial's hash), and logs are appended to.
/// </summary>
internal static class SlurmExecutor
{
    /// <summary>Seconds before the time limit at which Slurm warns a task: time to finish a batch and write a checkpoint.</summary>
    public const int SignalSeconds = 120;

    /// <param name="ranks">Tasks per trial: the trial runs data-parallel under srun, one rank per task.</param>
    public static bool Run(SweepSession session, int? parallel, int ranks, IReadOnlyList<string> options, bool wait, TextWriter output)
    {
        for (var round = 0; ; round++)
        {
            var trials = session.Runnable();
            if (trials.Count == 0) return true;
            var script = WriteScript(session, trials, parallel, ranks, options, round);
            var started = trials.Select(session.Started).ToList();
            var arguments = new List<string> { "--parsable" };
            if (wait) arguments.Add("--wait");
            arguments.Add(script);
            output.WriteLine($"Sweep {session.State.Name}: submitting {trials.Count} trials as a Slurm job array ({script})");
            var (exit, text) = Sbatch(arguments, wait ? null : TimeSpan.FromMinutes(1));
            var jobId = text.Trim().Split('\n')[0].Split(';')[0];
            if (!wait)
            {
                if (exit != 0) throw new IOException($"sbatch failed (exit {exit}): {text.Trim()}");
                output.WriteLine($"Submitted job array {jobId}. Follow it with squeue -j {jobId}; then deepdsl sweep report {session.Folder.Path}");
                return true;
            }
            output.WriteLine($"Job array {jobId} ended (sbatch exit {exit})");
            foreach (var trial in started)
            {
                var ended = session.Ended(trial);
                output.WriteLine($"  trial {ended.Index} {ended.Status}");
            }
            if (round >= TrialState.MaxAttempts) return session.Runnable().Count == 0;
        }
    }

    private static string WriteScript(SweepSession session, IReadOnlyList<TrialState> trials, int? parallel, int ranks, IReadOnlyList<string> options, int round)
    {
        session.Folder.Owned.Folder("slurm");
        var list = Path.Combine(session.Folder.Slurm, $"trials-{round}.txt");
        AtomicFile.WriteAllText(list, string.Concat(trials.Select(t => t.Hash + "\n")), session.Folder.Owned);
        var asha = session.Sweep.EarlyTerminate is not null;
        // With several ranks the trial runs under srun, which tells each its rank and the rendezvous (docs/scale-out.md).
        var command = (ranks > 1 ? $"srun --ntasks={ranks} " : "") + string.Join(" ", SelfCommand.Prefix().Select(Quote)) + " run \"$trials/$hash.yaml\" --run-folder \"$trials/$hash\"" +
                      (asha ? " --sweep " + Quote(session.Folder.Path) : "");
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"#SBATCH --job-name={Quote("deepdsl-" + session.State.Name)}\n");
        script.Append($"#SBATCH --array=0-{trials.Count - 1}{(parallel is { } p ? $"%{p}" : "")}\n");
        script.Append($"#SBATCH --ntasks={ranks}\n#SBATCH --cpus-per-task=1\n");
        script.Append($"#SBATCH --output={session.Folder.Slurm}/%A_%a.out\n");
        script.Append("#SBATCH --open-mode=append\n#SBATCH --requeue\n");
        script.Append($"#SBATCH --signal=B:USR1@{SignalSeconds}\n");
        foreach (var option in options) script.Append($"#SBATCH --{option.TrimStart('-')}\n");
        script.Append("# Written by deepdsl sweep: one array task per trial; see docs/scale-out.md.\n");
        script.Append("set -u\n");
        script.Append($"trials={Quote(session.Folder.Trials)}\n");
        script.Append($"hash=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" {Quote(list)})\n");
        foreach (var (key, value) in TrialProcess.Environment("$hash")) script.Append($"export {key}=\"{value}\"\n");
        script.Append("echo \"[deepdsl] trial $hash, task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}, restart ${SLURM_RESTART_COUNT:-0}, on $(hostname)\"\n");
        script.Append($"{command} &\n");
        script.Append("child=$!\n");
        // Before the time limit (USR1): stop the trial at its checkpoint and come back later. Cancelled (TERM): stop it the same way.
        // srun takes a single SIGINT as a request for status, so a data-parallel trial is stopped with TERM (which the ranks also take as an interrupt).
        var stop = ranks > 1 ? "TERM" : "INT";
        script.Append($"trap 'kill -{stop} $child; wait $child; scontrol requeue ${{SLURM_ARRAY_JOB_ID}}_${{SLURM_ARRAY_TASK_ID}}; exit 0' USR1\n");
        script.Append($"trap 'kill -{stop} $child; wait $child; exit 143' TERM\n");
        script.Append("wait $child\n");
        script.Append("exit $?\n");
        var path = Path.Combine(session.Folder.Slurm, "sweep.sbatch");
        AtomicFile.WriteAllText(path, script.ToString(), session.Folder.Owned);
        return path;
    }

    private static (int Exit, string Output) Sbatch(IReadOnlyList<string> arguments, TimeSpan? timeout)
    {
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new IOException("sbatch was not found: the Slurm executor needs Slurm's commands on PATH (scripts/slurm-local.sh up starts a local cluster)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (timeout is { } limit && !process.WaitForExit(limit)) throw new IOException("sbatch did not answer in a minute");
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
