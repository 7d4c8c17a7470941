using System.Diagnostics;
using System.Globalization;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// 10,000 training steps inside dispose scopes leave native memory flat: the native heap in use after step 10,000 within
/// 5% of after step 1,000, measured in a process that runs nothing else (<see cref="NativeMemoryProbe"/>), so the load of
/// other tests in this host cannot move it.
/// </summary>
public sealed class NativeMemoryTests
{
    [Fact]
    public void Ten_thousand_training_steps_in_dispose_scopes_keep_native_memory_flat()
    {
        var (heldAt1000, heldAt10000, firstLoss, lastLoss) = Probe();
        Assert.True(lastLoss < firstLoss, $"the loop should train: mean loss {firstLoss:F3} over the first 100 steps, {lastLoss:F3} over the last 100");
        Assert.True(heldAt10000 <= heldAt1000 * 1.05, $"the native heap in use grew from {heldAt1000 / 1e6:F1} MB after step 1,000 to {heldAt10000 / 1e6:F1} MB after step 10,000");
    }

    [Fact]
    public void The_measure_sees_a_loop_that_keeps_each_steps_activations()
    {
        var (heldAt1000, heldAt10000, _, _) = Probe("leak");
        Assert.True(heldAt10000 > heldAt1000 * 1.05, $"a leaking loop went from {heldAt1000 / 1e6:F1} MB to only {heldAt10000 / 1e6:F1} MB");
    }

    /// <summary>Runs <see cref="NativeMemoryProbe"/> in a process of its own and reads what it printed.</summary>
    private static (double HeldAt1000, double HeldAt10000, double FirstLoss, double LastLoss) Probe(params string[] mode)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(NativeMemoryProbe).Assembly.Location);
        start.ArgumentList.Add(NativeMemoryProbe.Command);
        foreach (var word in mode) start.ArgumentList.Add(word);
        // One math thread, as the CLI's default: the probe measures the loop, not a thread pool's arenas.
        start.Environment["OMP_NUM_THREADS"] = "1";
        // Every method compiled once, fully: tiered PGO's instrumentation otherwise mallocs ~10 MB once, somewhere after
        // step 1,000 (sooner or later with the machine's load) — the runtime warming up, not the loop growing.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        using var probe = Process.Start(start)!;
        var error = probe.StandardError.ReadToEndAsync();
        var output = probe.StandardOutput.ReadToEnd();
        Assert.True(probe.WaitForExit(TimeSpan.FromMinutes(5)), "the probe did not finish in 5 minutes");
        Assert.True(probe.ExitCode == 0, $"the probe exited {probe.ExitCode}: {output}{error.Result}");
        var numbers = output.Trim().Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return (numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    [Fact]
    public void Tensors_left_to_a_dispose_scope_do_not_accumulate_in_the_enclosing_one()
    {
        using var outer = torch.NewDisposeScope();
        var w = torch.ones([4], requires_grad: true);
        for (var i = 0; i < 100; i++)
        {
            using var scope = torch.NewDisposeScope();
            (w * 2.0).sum().backward();
            using (torch.no_grad()) w.grad!.zero_();
        }
        Assert.Equal(1, outer.Count);
    }
}
