using System.Diagnostics;
using System.Globalization;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Bench;

/// <summary>
/// deepdsl board over a runs folder of many runs (written through the run layer, 30 epochs each, as `deepdsl run` leaves
/// them): the time from starting the process to the first page a browser shows (its HTML, styles and scripts, and the JSON
/// of its runs, sweeps and lr-find tables), and the same page again once the board is warm (each poll of the table costs that much).
/// </summary>
internal sealed class BoardFirstPage(string cli)
{
    // The JSON the index's scripts ask for as they start: the runs table's, the sweeps table's and the lr-find table's.
    private static readonly string[] IndexJson = ["/api/runs", "/api/sweeps", "/api/lr-finds"];

    public IEnumerable<string> Measure(int runs, int repeats)
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-board-bench-").FullName;
        try
        {
            var root = Path.Combine(folder, "runs");
            Fill(root, runs);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[cli, "board", "--runs", root, "--port", "0"]) start.ArgumentList.Add(argument);
            var clock = Stopwatch.StartNew();
            using var board = Process.Start(start)!;
            try
            {
                var line = board.StandardOutput.ReadLine() ?? throw new InvalidOperationException("deepdsl board printed nothing");
                var url = System.Text.RegularExpressions.Regex.Match(line, @"http://\S+/").Value;
                var listening = clock.Elapsed.TotalMilliseconds;
                using var http = new HttpClient { BaseAddress = new Uri(url) };
                var bytes = Load(http);
                var first = clock.Elapsed.TotalMilliseconds;
                var warm = Enumerable.Range(0, repeats).Select(_ => Time(() => Load(http))).Order().ToList();
                var json = Time(() => http.GetByteArrayAsync("/api/runs").Result.Length);
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"board runs={runs} process_to_url_ms={listening:F0} process_to_first_page_ms={first:F0} page_bytes={bytes} " +
                    $"warm_page_median_ms={warm[warm.Count / 2]:F0} warm_page_max_ms={warm[^1]:F0} runs_json_ms={json:F0}");
            }
            finally
            {
                board.Kill(entireProcessTree: true);
                board.WaitForExit();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Every file of the first page, one after another as a browser without a cache would ask: the HTML, what it links
    // (read from the page itself, so a script the index gains is counted) and the JSON its scripts ask for; the bytes received.
    private static long Load(HttpClient http)
    {
        var html = http.GetStringAsync("/").Result;
        var linked = System.Text.RegularExpressions.Regex.Matches(html, @"(?:src|href)=""(/assets/[^""]+)""").Select(m => m.Groups[1].Value);
        return System.Text.Encoding.UTF8.GetByteCount(html) + linked.Concat(IndexJson).Sum(path => (long)http.GetByteArrayAsync(path).Result.Length);
    }

    private static double Time(Func<long> load)
    {
        var clock = Stopwatch.StartNew();
        load();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Time(Func<int> load) => Time(() => (long)load());

    // runs runs: ten per experiment, each with its spec, 30 epochs of metrics and its summary, through the run layer's writers.
    private static void Fill(string root, int runs)
    {
        var random = new Random(7);
        var started = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < runs; i++)
        {
            var experiment = $"bench-{i / 10:D3}";
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));
            var (run, held) = RunDirectory.Create(root, experiment, hash, started.AddMinutes(i));
            using (held)
            {
                var metrics = Enumerable.Range(1, 30).Select(e => new EpochMetrics(e, 0.01 * Math.Pow(0.9, e), 2.0 / e + random.NextDouble() * 0.1,
                    Math.Min(1, 0.5 + e * 0.015), 2.2 / e + random.NextDouble() * 0.1, Math.Min(1, 0.48 + e * 0.014), 3.2, 0.9)).ToList();
                var best = metrics.MinBy(m => m.ValLoss)!;
                run.WriteSpec($"version: 1\nname: {experiment}\nseed: {i}\n");
                run.WriteMetrics(metrics);
                run.WriteSummary(new RunSummary(experiment, hash, $"{experiment}.yaml", "completed", null, 30, best.Epoch,
                    new Dictionary<string, double> { ["loss"] = best.Loss, ["accuracy"] = best.Accuracy, ["val_loss"] = best.ValLoss, ["val_accuracy"] = best.ValAccuracy },
                    new Dictionary<string, double> { ["accuracy"] = best.ValAccuracy, ["loss"] = best.ValLoss }, 96, 3.2, "cpu", (ulong)i,
                    new Dictionary<string, string> { ["engine"] = "native" }, started.AddMinutes(i), started.AddMinutes(i + 2), Monitor: "val_loss"));
            }
        }
    }
}
