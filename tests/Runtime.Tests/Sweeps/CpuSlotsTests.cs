using DeepDsl.Sweeps;

namespace DeepDsl.Runtime.Tests.Sweeps;

/// <summary>How a local sweep shares the CPUs among the trials running at once.</summary>
public sealed class CpuSlotsTests
{
    [Theory]
    [InlineData("0-1", new[] { 0, 1 })]
    [InlineData("0-3,8,10-11", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    [InlineData("5", new[] { 5 })]
    public void A_linux_cpu_list_is_read_as_the_cpus_it_names(string list, int[] cpus) =>
        Assert.Equal(cpus, CpuSlots.ParseList(list));

    [Fact]
    public void Trials_get_equal_disjoint_slots_and_a_freed_slot_is_taken_again()
    {
        var slots = CpuSlots.Split([0, 1, 2, 3, 8, 9], parallel: 3, ranks: 1);
        Assert.Equal(new[] { new[] { 0, 1 }, new[] { 2, 3 }, new[] { 8, 9 } }, slots.Slots.Select(s => s.ToArray()));
        Assert.Equal([0, 1, 2], new[] { slots.Take(), slots.Take(), slots.Take() });
        Assert.Null(slots.Take());
        slots.Release(1);
        Assert.Equal(1, slots.Take());
        Assert.Equal(new[] { CpuSlots.TasksetPath, "--cpu-list", "2,3" }, slots.Launcher(1));
    }

    [Theory]
    [InlineData(1, 1)] // one trial: the whole machine
    [InlineData(3, 1)] // more trials than CPUs: they share anyway
    [InlineData(2, 2)] // two trials of two ranks need four CPUs
    public void No_pinning_where_trials_would_share_cpus_anyway(int parallel, int ranks)
    {
        var slots = CpuSlots.Split([0, 1], parallel, ranks);
        Assert.Empty(slots.Slots);
        Assert.Null(slots.Take());
        Assert.Empty(slots.Launcher(null));
    }

    [Fact]
    public void This_process_may_run_on_at_least_one_cpu_it_can_name() =>
        Assert.Contains(CpuSlots.AllowedCpus(), cpu => cpu >= 0 && cpu < 4096);
}
