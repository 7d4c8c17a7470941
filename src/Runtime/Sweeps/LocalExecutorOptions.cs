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

    public int Parallel
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Parallel));
            field = value;
        }
    }

    public int Ranks
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Ranks));
            field = value;
        }
    }
}
