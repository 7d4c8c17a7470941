using System.Globalization;

namespace DeepDsl.Sweeps;

/// <summary>
/// The CPUs each of N trials running at once is pinned to: the CPUs this process may use split into N equal slots, a trial
/// started with <c>taskset</c> on a free slot (so every thread it creates stays there) and its slot freed when it ends.
/// Why: on two cores, two trials left to the scheduler each ran 1.3× slower than alone, pinned one to a core 1.03×
/// (bench/trial-pairing.sh, docs/performance.md) — the scheduler moves their threads between the cores. No pinning when
/// the trials would share CPUs anyway (more trials × ranks than CPUs), for a single trial, or without taskset.
/// </summary>
internal sealed class CpuSlots
{
    public const string TasksetPath = "/usr/bin/taskset";

    private readonly IReadOnlyList<IReadOnlyList<int>> slots;
    private readonly bool[] taken;

    private CpuSlots(IReadOnlyList<IReadOnlyList<int>> slots)
    {
        this.slots = slots;
        taken = new bool[slots.Count];
    }

    public static readonly CpuSlots None = new([]);

    /// <param name="parallel">Trials at a time.</param>
    /// <param name="ranks">Processes per trial: a slot must hold one CPU for each.</param>
    public static CpuSlots For(int parallel, int ranks) =>
        File.Exists(TasksetPath) ? Split(AllowedCpus(), parallel, ranks) : None;

    public static CpuSlots Split(IReadOnlyList<int> cpus, int parallel, int ranks)
    {
        if (parallel < 2 || parallel * ranks > cpus.Count) return None;
        var size = cpus.Count / parallel;
        return new CpuSlots(Enumerable.Range(0, parallel).Select(i => (IReadOnlyList<int>)cpus.Skip(i * size).Take(size).ToList()).ToList());
    }

    public IReadOnlyList<IReadOnlyList<int>> Slots => slots;

    /// <summary>A free slot, taken; null when there is no pinning.</summary>
    public int? Take()
    {
        var free = Array.IndexOf(taken, false);
        if (free < 0) return null;
        taken[free] = true;
        return free;
    }

    public void Release(int? slot)
    {
        if (slot is { } s) taken[s] = false;
    }

    /// <summary>The command that starts a process pinned to <paramref name="slot"/>'s CPUs; empty without a slot.</summary>
    public IReadOnlyList<string> Launcher(int? slot) =>
        slot is { } s ? [TasksetPath, "--cpu-list", string.Join(",", slots[s])] : [];

    /// <summary>The CPUs this process may run on (Linux's Cpus_allowed_list: cgroups, Slurm or taskset may have narrowed them).</summary>
    public static IReadOnlyList<int> AllowedCpus()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            : null;
        return line is null ? Enumerable.Range(0, Environment.ProcessorCount).ToList() : ParseList(line["Cpus_allowed_list:".Length..].Trim());
    }

    /// <summary>A Linux CPU list: "0-3,8,10-11".</summary>
    public static IReadOnlyList<int> ParseList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(part => part.Split('-') is [var from, var to]
                ? Enumerable.Range(int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture) + 1)
                : [int.Parse(part, CultureInfo.InvariantCulture)])
            .ToList();
}
