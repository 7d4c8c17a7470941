namespace DeepDsl.Sweeps;

/// <summary>The local executor's options: trials at a time, and processes per trial (data-parallel, `deepdsl run --nproc`).</summary>
public sealed record LocalExecutorOptions(int Parallel = 1, int Ranks = 1);
