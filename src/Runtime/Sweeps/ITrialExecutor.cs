namespace DeepDsl.Sweeps;

/// <summary>
/// Where a sweep's trials run: processes on this machine (<see cref="LocalExecutor"/>) or a Slurm job array
/// (<see cref="SlurmExecutor"/>). Each is built from its own options; the caller opens the session, then calls either the
/// same way. Both start every trial with the command line of <see cref="TrialProcess.Arguments"/>.
/// </summary>
public interface ITrialExecutor
{
    /// <summary>Refuses, before anything is written, a sweep folder this executor cannot run trials in.</summary>
    /// <exception cref="IOException">It cannot; the message names the folder and why.</exception>
    void Check(SweepFolder folder);

    /// <summary>Runs (or submits) the session's runnable trials, recording each attempt in the session; Ctrl-C stops them as it stops a run.</summary>
    SweepOutcome Run(SweepSession session, TextWriter output, CancellationToken cancellation);
}
