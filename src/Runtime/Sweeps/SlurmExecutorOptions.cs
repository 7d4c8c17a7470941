namespace DeepDsl.Sweeps;

/// <summary>
/// The Slurm executor's options: the job array's limit of tasks at a time (none: Slurm's), tasks per trial (the trial runs
/// data-parallel under srun), sbatch options for every task (name or name=value, each as an #SBATCH line) and whether to
/// wait for the array, retry failed trials once and report.
/// </summary>
public sealed record SlurmExecutorOptions(int? Parallel = null, int Ranks = 1, IReadOnlyList<string>? SbatchOptions = null, bool Wait = false);
