using System.Diagnostics;
using System.Text;
using DeepDsl.Processes;
using DeepDsl.IO;

namespace DeepDsl.Sweeps;

/// <summary>
/// Runs a sweep's trials as one Slurm job array: writes slurm/sweep.sbatch (one array task per trial, one CPU each) and
/// submits it with sbatch. Preemption-safe, as submitit does it: Slurm signals the task (USR1) before its time limit; the
/// task interrupts its trial, which keeps its finished epochs and checkpoint, and requeues itself; the requeued task
/// resumes the trial from its checkpoint (its run folder is named by the trial's hash), and logs are appended to.
/// The script holds everything (directives included), so `sbatch slurm/sweep.sbatch` by hand submits the same array; each
/// value in it is quoted for where it stands — <see cref="SbatchDirective"/> in #SBATCH lines, <see cref="ShellWord"/> in
/// bash — and a folder that a directive cannot carry is refused before anything is submitted.
/// </summary>
public sealed class SlurmExecutor(SlurmExecutorOptions options) : ITrialExecutor
{
    /// <summary>Seconds before the time limit at which Slurm warns a task: time to finish a batch and write a checkpoint.</summary>
    public const int SignalSeconds = 120;

    private static readonly TimeSpan BusyLook = TimeSpan.FromSeconds(2);

    /// <summary>Submits the runnable trials as a job array; with <see cref="SlurmExecutorOptions.Wait"/>, waits for it and submits the failed ones once more.</summary>
    /// <remarks>The cancellation is Slurm's to act on: `scancel` signals the tasks, which stop their trials at a checkpoint.</remarks>
    public SweepOutcome Run(SweepSession session, TextWriter output, CancellationToken cancellation)
    {
        var wait = options.Wait;
        foreach (var trial in session.Busy())
            output.WriteLine($"  trial {trial.Index} is running in another process (its run.lock is held); not submitted again: {session.Folder.TrialRun(trial.Hash)}");
        for (var round = 0; ; round++)
        {
            var trials = session.Runnable();
            if (trials.Count == 0)
            {
                if (!wait || session.Busy().Count == 0) return session.Busy().Count == 0 ? SweepOutcome.Ended : SweepOutcome.Unfinished;
                // Trials another process trains (a job array submitted earlier): wait for them as for this command's own.
                Thread.Sleep(BusyLook);
                session.Refresh();
                continue;
            }
            if (round >= TrialState.MaxAttempts) return SweepOutcome.Unfinished;
            var script = WriteScript(session, trials, round);
            var arguments = new List<string> { "--parsable" };
            if (wait) arguments.Add("--wait");
            arguments.Add(script);
            output.WriteLine($"Sweep {session.State.Name}: submitting {trials.Count} trials as a Slurm job array ({script})");
            var (exit, stdout, stderr) = Sbatch(arguments, wait ? null : TimeSpan.FromMinutes(1));
            // --parsable prints the job id (and ";cluster") once the array is queued: without it, nothing was submitted.
            var jobId = stdout.Split('\n')[0].Split(';')[0].Trim();
            if (jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
                throw new IOException($"sbatch refused the job array (exit {exit}): {OneLine(stderr + " " + stdout)}; no trial was started or counted. " +
                                      "Is Slurm reachable? For the local cluster: eval \"$(scripts/slurm-local.sh env)\"");
            if (!wait)
            {
                output.WriteLine($"Submitted job array {jobId}. Follow it with squeue -j {jobId}; then deepdsl sweep report {session.Folder.Path}");
                return SweepOutcome.Submitted;
            }
            output.WriteLine($"Job array {jobId} ended (sbatch exit {exit})");
            foreach (var trial in trials)
            {
                var ended = session.Ended(trial);
                output.WriteLine($"  trial {ended.Index} {ended.Status}");
            }
        }
    }

    /// <summary>Refuses a sweep folder, or an sbatch option, that a batch script cannot carry (a control character, a backslash, a name that is no option's), before the sweep starts.</summary>
    /// <exception cref="IOException">One of them cannot be written; the message names it and why.</exception>
    public void Check(SweepFolder folder)
    {
        SbatchDirective.Value(folder.Slurm, "the sweep folder");
        SbatchDirective.FilenamePattern(folder.Slurm, "the sweep folder");
        foreach (var option in options.SbatchOptions) SbatchDirective.Line(option.Name, option.Value, SbatchOptionSource);
    }

    /// <summary>Where an sbatch option of <see cref="SlurmExecutorOptions.SbatchOptions"/> came from, as a refusal names it.</summary>
    public const string SbatchOptionSource = "--slurm-option";

    private static string OutputPattern(SweepFolder folder) => SbatchDirective.FilenamePattern(folder.Slurm, "the sweep folder") + "/%A_%a.out";

    private string WriteScript(SweepSession session, IReadOnlyList<TrialState> trials, int round)
    {
        var (parallel, ranks) = (options.Parallel, options.Ranks);
        // Checked first: a folder the script cannot carry is refused before anything is written or submitted.
        var outputPattern = OutputPattern(session.Folder);
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append(SbatchDirective.Line("job-name", "deepdsl-" + session.State.Name, "the sweep name"));
        script.Append($"#SBATCH --array=0-{trials.Count - 1}{(parallel is { } p ? $"%{p}" : "")}\n");
        script.Append($"#SBATCH --ntasks={ranks}\n#SBATCH --cpus-per-task=1\n");
        script.Append(SbatchDirective.Line("output", outputPattern, "the sweep folder"));
        script.Append("#SBATCH --open-mode=append\n#SBATCH --requeue\n");
        script.Append($"#SBATCH --signal=B:USR1@{SignalSeconds}\n");
        foreach (var option in options.SbatchOptions) script.Append(SbatchDirective.Line(option.Name, option.Value, SbatchOptionSource));
        session.Folder.Owned.Folder("slurm");
        var list = Path.Combine(session.Folder.Slurm, $"trials-{round}.txt");
        AtomicFile.WriteAllText(list, string.Concat(trials.Select(t => t.Hash + "\n")), session.Folder.Owned);
        // The trial's command line as the local executor starts it (TrialProcess.Arguments), its files named by the task's
        // variables; with several ranks under srun, which tells each its rank and the rendezvous (docs/scale-out.md).
        var launcher = ranks > 1 ? new[] { "srun", $"--ntasks={ranks}" } : [];
        var command = ShellWord.Line([.. launcher, .. TrialProcess.Arguments(session, ShellWord.Variable("spec"), ShellWord.Variable("run"), nproc: 1)]);
        script.Append("# Written by deepdsl sweep: one array task per trial; see docs/scale-out.md.\n");
        script.Append("set -u\n");
        script.Append($"trials={ShellWord.Quote(session.Folder.Trials)}\n");
        script.Append($"hash=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" {ShellWord.Quote(list)})\n");
        script.Append("spec=\"$trials/$hash.yaml\"\nrun=\"$trials/$hash\"\n");
        foreach (var (key, value) in TrialProcess.Environment(ShellWord.Variable("hash"))) script.Append($"export {key}={ShellWord.Quote(value)}\n");
        script.Append("echo \"[deepdsl] trial $hash, task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}, restart ${SLURM_RESTART_COUNT:-0}, on $(hostname)\"\n");
        // The attempt counts from here, on the node (SweepSession): a task that never started costs the trial nothing.
        // noclobber: the shell creates the marker as a new file only (O_EXCL), so a link planted in a received sweep folder
        // is never written through; one left by an attempt not yet counted already says the same.
        script.Append($"(set -C; : > {ShellWord.Quote(session.Folder.Started)}/\"$hash\") 2>/dev/null || true\n");
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

    private static (int Exit, string Output, string Error) Sbatch(IReadOnlyList<string> arguments, TimeSpan? timeout)
    {
        var start = ProcessStart.Of(["sbatch", .. arguments]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
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
            return (process.ExitCode, output.Result, error.Result);
        }
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
