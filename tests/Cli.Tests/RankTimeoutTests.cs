using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// A rank that dies stops its peer with one clear line within the peer's DEEPDSL_DIST_TIMEOUT (10 s). That time is what
/// is asserted, so the test runs in the "timing" collection, alone: four collections on two CPUs would stretch it.
/// </summary>
[Collection("timing")]
public sealed class RankTimeoutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-ddp-timeout-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Killing_one_rank_mid_epoch_ends_the_other_with_one_clear_line_within_the_timeout()
    {
        File.WriteAllText(Path.Combine(folder, "long.yaml"), DistributedCliTests.Spec.Replace("epochs: 5", "epochs: 100000"));
        var port = FreePort();
        var ranks = Enumerable.Range(0, 2).Select(rank => StartRank(rank, port)).ToArray();
        try
        {
            Assert.True(ranks[0].Epochs.Wait(TimeSpan.FromSeconds(120)), "rank 0 never finished an epoch");
            ranks[1].Process.Kill();
            var killed = Stopwatch.StartNew();
            Assert.True(ranks[0].Process.WaitForExit(TimeSpan.FromSeconds(30)), "rank 0 did not stop after its peer died");
            ranks[0].Process.WaitForExit();
            Assert.True(killed.Elapsed < TimeSpan.FromSeconds(10), $"rank 0 took {killed.Elapsed} to stop, more than the 10 s timeout");
            var result = new DeepDslProcess.Result(ranks[0].Process.ExitCode, ranks[0].Output.ToString(), ranks[0].Error.ToString());
            DeepDslProcess.AssertUserError(result, "rank 0 of 2 stopped");
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            foreach (var rank in ranks)
            {
                if (!rank.Process.HasExited) rank.Process.Kill();
                rank.Process.Dispose();
            }
        }
    }

    private sealed record Rank(Process Process, System.Text.StringBuilder Output, System.Text.StringBuilder Error, ManualResetEventSlim Epochs);

    /// <summary>One rank started by hand, as a launcher other than ours would (torchrun's variables, loopback).</summary>
    private Rank StartRank(int rank, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "run", "long.yaml", "--runs", "killed" })
            start.ArgumentList.Add(argument);
        start.Environment["RANK"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WORLD_SIZE"] = "2";
        start.Environment["MASTER_ADDR"] = "127.0.0.1";
        start.Environment["MASTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DEEPDSL_DIST_TIMEOUT"] = "10";
        var process = new Process { StartInfo = start };
        var (output, error, epochs) = (new System.Text.StringBuilder(), new System.Text.StringBuilder(), new ManualResetEventSlim());
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.StartsWith("Epoch 3/", StringComparison.Ordinal) == true) epochs.Set();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (error) error.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Rank(process, output, error, epochs);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
