using System.Globalization;
using System.Text;
using System.Text.Json;
using DeepDsl.Reporting;
using DeepDsl.IO;
using DeepDsl.Plots;
using DeepDsl.Runs;

namespace DeepDsl.Sweeps;

/// <summary>
/// Writes a sweep's report into its report/ folder — leaderboard.md and .json, the best trial's resolved spec (best.yaml),
/// the metric against each swept parameter (one SVG each), the learning curves of the top trials — and prints the leaderboard.
/// </summary>
public static class SweepReport
{
    public static Leaderboard Write(SweepFolder folder, SweepState state, TextWriter output)
    {
        var board = Leaderboard.Of(folder, state);
        folder.Owned.Folder("report");
        var markdown = Markdown(board);
        AtomicFile.WriteAllText(Path.Combine(folder.Report, "leaderboard.md"), markdown, folder.Owned);
        AtomicFile.WriteAllText(Path.Combine(folder.Report, "leaderboard.json"), JsonSerializer.Serialize(new
        {
            metric = board.Metric, goal = board.Maximize ? "maximize" : "minimize",
            trials = board.Trials.Select(t => new { index = t.Index, hash = t.Hash, values = t.Values, metric = Finite(t.Metric), best_epoch = t.BestEpoch, epochs = t.Epochs, seconds = t.Seconds, test_accuracy = t.TestAccuracy, status = t.Status }),
            seed_groups = board.Groups.Select(g => new { values = g.Values, mean = g.Mean, std = g.Std, seeds = g.Seeds.ToDictionary(s => s.Seed, s => s.Metric) }),
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n", folder.Owned);
        if (board.Trials.FirstOrDefault(t => !double.IsNaN(t.Metric)) is { } best)
            AtomicFile.WriteAllBytes(Path.Combine(folder.Report, "best.yaml"), PathGuard.ReadFile(folder.TrialSpec(best.Hash), 4L << 20), folder.Owned);
        foreach (var parameter in state.Trials.SelectMany(t => t.Values.Keys).Distinct())
            AtomicFile.WriteAllText(Path.Combine(folder.Report, FileName(parameter) + ".svg"), MetricAgainst(board, parameter), folder.Owned);
        AtomicFile.WriteAllText(Path.Combine(folder.Report, "top.svg"), TopCurves(folder, board), folder.Owned);
        // Values and statuses passed sweep.json's door; the folder name did not: every line is escaped for the terminal.
        output.Write(string.Join('\n', markdown.Split('\n').Select(TerminalText.Escape)));
        output.WriteLine($"Report: {TerminalText.Escape(folder.Report)}");
        return board;
    }

    private static string Markdown(Leaderboard board)
    {
        var text = new StringBuilder();
        var parameters = board.Trials.SelectMany(t => t.Values.Keys).Distinct().ToList();
        // Letters in trial order, so a value keeps its letter whatever the results.
        var labels = parameters.ToDictionary(p => p, p => ValueLabels.Of(board.Trials.OrderBy(t => t.Index).Where(t => t.Values.ContainsKey(p)).Select(t => t.Values[p])));
        string Cell(string parameter, TrialResult t) => t.Values.TryGetValue(parameter, out var v) ? labels[parameter].Label(v) : "";
        text.AppendLine($"| rank | trial | {string.Join(" | ", parameters)} | {board.Metric} | best epoch | epochs | seconds | test accuracy | status |");
        text.AppendLine($"|---|---|{string.Concat(parameters.Select(_ => "---|"))}---|---|---|---|---|---|");
        var rank = 0;
        foreach (var t in board.Trials)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {++rank} | {t.Index} | {string.Join(" | ", parameters.Select(p => Cell(p, t)))} | {Format(t.Metric)} | {t.BestEpoch} | {t.Epochs} | {t.Seconds:F1} | {(t.TestAccuracy is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "–")} | {t.Status} |"));
        foreach (var (parameter, named) in labels.Where(l => l.Value.Named.Count > 0))
        {
            text.AppendLine();
            text.AppendLine($"Values of {parameter}:");
            text.AppendLine();
            foreach (var (label, value) in named.Named) text.AppendLine($"- {label}: `{value}`");
        }
        if (board.Groups.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Across seeds ({board.Metric}, mean ± sample std):");
            text.AppendLine();
            var others = parameters.Where(p => p != "seed").ToList();
            text.AppendLine($"| {string.Join(" | ", others.DefaultIfEmpty("(all)"))} | mean ± std | seeds |");
            text.AppendLine($"|{string.Concat(others.DefaultIfEmpty("").Select(_ => "---|"))}---|---|");
            foreach (var g in board.Groups)
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {string.Join(" | ", others.Select(p => g.Values.TryGetValue(p, out var v) ? labels[p].Label(v) : "").DefaultIfEmpty("all"))} | {Format(g.Mean)} ± {Format(g.Std)} | {string.Join(", ", g.Seeds.Select(s => $"{s.Seed}: {Format(s.Metric)}"))} |"));
        }
        return text.ToString();
    }

    /// <summary>The metric of every trial against one parameter's value, on the axis the board draws it on too (<see cref="SweepAxis"/>).</summary>
    private static string MetricAgainst(Leaderboard board, string parameter)
    {
        var valued = board.Trials.Where(t => t.Values.ContainsKey(parameter)).OrderBy(t => t.Index).ToList();
        var axis = SweepAxis.Of([.. valued.Select(t => t.Values[parameter])]);
        var points = valued.Where(t => !double.IsNaN(t.Metric)).Select(t => (axis.X(t.Values[parameter]), t.Metric)).OrderBy(p => p.Item1).ToList();
        var log = axis.Scale == SweepAxis.Log;
        var label = axis.Scale != SweepAxis.Category ? parameter : $"{parameter} ({string.Join(", ", axis.Labels.Select((l, i) => $"{i} = {l}"))})";
        // Trials are separate results, not a path: markers, no line through them. Seeds, units, layer counts and
        // category indices are whole numbers, so their axis has whole-number ticks only.
        var whole = points.All(p => p.Item1 == Math.Floor(p.Item1));
        return Figure.Compose(new LineChart($"{board.Metric} by {parameter}", label, board.Metric, [new Series("trials", points, SeriesKind.Scatter)], LogX: log, IntegerX: whole && !log));
    }

    private static string TopCurves(SweepFolder folder, Leaderboard board)
    {
        var series = new List<Series>();
        var metric = board.Metric;
        foreach (var (t, i) in board.Trials.Where(t => !double.IsNaN(t.Metric)).Take(3).Select((t, i) => (t, i)))
        {
            var metrics = RunDirectory.Open(folder.TrialRun(t.Hash)).ReadMetrics();
            series.Add(new Series($"trial {t.Index}", metrics.Select(m => ((double)m.Epoch, m[metric])).ToList(), Color: LineChart.Palette[i]));
        }
        return Figure.Compose(new LineChart($"{metric} of the top trials", "epoch", metric, series));
    }

    private static string FileName(string parameter) => new(parameter.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray());

    private static string Format(double value) => double.IsNaN(value) ? "–" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
