namespace DeepDsl.Sweeps;

/// <summary>The local executor's options: trials at a time, and processes per trial (data-parallel, `deepdsl run --nproc`).</summary>
public sealed record LocalExecutorOptions
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parallel"/> or <paramref name="ranks"/> is below 1: no trial would ever start.</exception>
    public LocalExecutorOptions(int parallel = 1, int ranks = 1)
    {
        Parallel = parallel;
        Ranks = ranks;
    }

    public int Parallel { get; init => field = AtLeastOne(value, nameof(Parallel)); }

    public int Ranks { get; init => field = AtLeastOne(value, nameof(Ranks)); }

    private static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1: no trial would ever start");
}
