using System.Diagnostics;

namespace DeepDsl.Runtime.Tests.Engines;

/// <summary>
/// The TorchSharp engine chosen as users choose it (DEEPDSL_ENGINE=torchsharp), in a process of its own
/// (<see cref="TorchSharpProbe"/>): where its glue loads (GLIBCXX_3.4.32: Debian 13) a matmul shape mismatch is a
/// TorchException and the process computes on; where it cannot (Debian 12, this suite's host) the first tensor raises
/// one line saying why and naming the native engine.
/// </summary>
public sealed class TorchSharpProcessTests
{
    private static readonly Lazy<string> Output = new(Probe);

    private static bool GlueLoads => LibStdCxx.Offers("GLIBCXX_3.4.32");

    [Fact]
    public void The_engine_loads_where_its_glue_can_and_otherwise_says_why_in_one_line()
    {
        var output = Output.Value;
        if (GlueLoads)
        {
            Assert.Contains("engine: torchsharp engine, libtorch 2.10.0", output);
            return;
        }
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("unavailable: the TorchSharp engine cannot load here: ", line);
        Assert.Contains("GLIBCXX_3.4.32", line);
        Assert.Contains(Distribution(), line);
        Assert.Contains("its newest is GLIBCXX_3.4.", line);
        Assert.Contains("--engine native", line);
    }

    [Fact]
    public void A_matmul_shape_mismatch_is_a_TorchException_and_the_process_lives_on()
    {
        var output = Output.Value;
        if (!GlueLoads)
        {
            // Nothing of TorchSharp ran: its glue did not load (the test above checks the reason).
            Assert.StartsWith("unavailable: ", output);
            return;
        }
        Assert.Contains("matmul: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", output);
        Assert.Contains("after: 24", output);
    }

    private static string Distribution() =>
        File.ReadLines("/etc/os-release").First(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))["PRETTY_NAME=".Length..].Trim('"');

    private static string Probe()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(TorchSharpProbe).Assembly.Location);
        start.ArgumentList.Add(TorchSharpProbe.Command);
        start.Environment["DEEPDSL_ENGINE"] = "torchsharp";
        using var probe = Process.Start(start)!;
        var error = probe.StandardError.ReadToEndAsync();
        var output = probe.StandardOutput.ReadToEnd();
        Assert.True(probe.WaitForExit(TimeSpan.FromMinutes(2)), "the probe did not finish in 2 minutes");
        Assert.True(probe.ExitCode == 0, $"the probe exited {probe.ExitCode} (an abort ends it with 134): {output}{error.Result}");
        return output;
    }
}
