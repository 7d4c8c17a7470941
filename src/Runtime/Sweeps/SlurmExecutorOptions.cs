namespace DeepDsl.Sweeps;

/// <summary>
/// The Slurm executor's options: the job array's limit of tasks at a time (none: Slurm's), tasks per trial (the trial runs
/// data-parallel under srun), sbatch options for every task (each an #SBATCH line, checked by <see cref="SbatchDirective"/>)
/// and whether to wait for the array, retry failed trials once and report.
/// </summary>
public sealed record SlurmExecutorOptions
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parallel"/> or <paramref name="ranks"/> is below 1: the script would ask Slurm for no task.</exception>
    public SlurmExecutorOptions(int? parallel = null, int ranks = 1, IReadOnlyList<SbatchOption>? sbatchOptions = null, bool wait = false)
    {
        Parallel = parallel;
        Ranks = ranks;
        SbatchOptions = sbatchOptions ?? [];
        Wait = wait;
    }

    public int? Parallel { get; init => field = value is { } limit ? AtLeastOne(limit, nameof(Parallel)) : null; }

    public int Ranks { get; init => field = AtLeastOne(value, nameof(Ranks)); }

    public IReadOnlyList<SbatchOption> SbatchOptions { get; init; }

    public bool Wait { get; init; }

    private static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1: the script would ask Slurm for no task");
}
