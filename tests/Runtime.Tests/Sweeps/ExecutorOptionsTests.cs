using DeepDsl.Sweeps;

namespace DeepDsl.Runtime.Tests.Sweeps;

/// <summary>The executors' options are checked where a library makes them: no trial at a time would spin forever, no rank would ask Slurm for nothing.</summary>
public sealed class ExecutorOptionsTests
{
    [Fact]
    public void Local_options_take_at_least_one_trial_at_a_time_and_one_rank()
    {
        Assert.Equal("parallel", Assert.Throws<ArgumentOutOfRangeException>(() => new LocalExecutorOptions(parallel: 0)).ParamName, ignoreCase: true);
        Assert.Equal("ranks", Assert.Throws<ArgumentOutOfRangeException>(() => new LocalExecutorOptions(ranks: 0)).ParamName, ignoreCase: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalExecutorOptions() with { Parallel = -1 });
        Assert.Equal((3, 2), (new LocalExecutorOptions(3, 2).Parallel, new LocalExecutorOptions(3, 2).Ranks));
    }

    [Fact]
    public void Slurm_options_take_at_least_one_rank_and_a_limit_of_at_least_one_task()
    {
        Assert.Equal("ranks", Assert.Throws<ArgumentOutOfRangeException>(() => new SlurmExecutorOptions(ranks: 0)).ParamName, ignoreCase: true);
        Assert.Equal("parallel", Assert.Throws<ArgumentOutOfRangeException>(() => new SlurmExecutorOptions(parallel: 0)).ParamName, ignoreCase: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlurmExecutorOptions() with { Ranks = 0 });
        Assert.Null(new SlurmExecutorOptions().Parallel);
        Assert.Empty(new SlurmExecutorOptions().SbatchOptions);
    }
}
