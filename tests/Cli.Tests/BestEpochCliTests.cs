using System.Globalization;
using System.Text.Json.Nodes;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// "Best" means one thing in every command (issue 19 item 6): the epoch whose checkpoint the run keeps, the metric that
/// checkpoint monitors, and the values of that epoch, as summary.json records them — never another epoch's values from
/// metrics.csv. The runs here are crafted so that another epoch has the higher val_accuracy: a command that looked for the
/// best value in metrics.csv would show it.
/// </summary>
[Collection("finished sweep")]
public sealed class BestEpochCliTests(FinishedSweep sweep)
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    [Fact]
    public void Run_prints_the_kept_epoch_its_monitored_value_and_that_epochs_accuracy_as_summary_json_records_them()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-best-run-").FullName;
        File.WriteAllText(Path.Combine(folder, "tiny.yaml"), TinySpec.Named("tiny", "samples: 120, classes: 3, validation: 30").Replace("epochs: 1", "epochs: 4").Replace("units: 2", "units: 3"));
        var run = DeepDslProcess.Run(folder, "run", "tiny.yaml");
        Assert.True(run.Exit == 0, run.ToString());
        var summary = Summary(Directory.GetDirectories(Path.Combine(folder, "runs", "tiny")).Single());
        Assert.Equal("val_loss", (string?)summary["monitor"]);
        var epoch = (int)summary["best_epoch"]!;
        var line = run.Output.Split('\n').Single(l => l.StartsWith("Status: ", StringComparison.Ordinal));
        Assert.Contains($"best epoch {epoch} (val_loss {Value(summary, "val_loss").ToString("F4", Text)})", line);
        Assert.Contains($"val_accuracy there {Value(summary, "val_accuracy").ToString("P2", Text)}", line);
    }

    [Fact]
    public void Runs_and_compare_show_the_kept_epoch_and_its_values_not_the_highest_accuracy_of_another_epoch()
    {
        var crafted = sweep.NewCase("best-run");
        var summary = Summary(crafted.Run);
        var (kept, other) = Crafted(crafted.Run, summary);
        var keptAccuracy = Value(summary, "val_accuracy").ToString("P2", Text);

        var listed = DeepDslProcess.Run(crafted.Root, "runs", "records", "--json");
        Assert.True(listed.Exit == 0, listed.ToString());
        var json = JsonNode.Parse(listed.Output)!.AsArray().Single(r => (string)r!["path"]! == crafted.Run)!["summary"]!;
        Assert.Equal(kept, (int)json["best_epoch"]!);

        var table = DeepDslProcess.Run(crafted.Root, "runs", "records");
        var row = table.Output.Split('\n').Single(l => l.StartsWith("records/20260101", StringComparison.Ordinal));
        Assert.Matches($@"\s{kept}\s+{Regex(keptAccuracy)}\s", row);
        Assert.DoesNotContain(other.ToString("P2", Text), table.Output);

        var compare = DeepDslProcess.Run(crafted.Root, "compare", crafted.Run, "--out", "compare.svg");
        Assert.True(compare.Exit == 0, compare.ToString());
        Assert.Contains("| best epoch | val_accuracy there |", compare.Output);
        Assert.Contains($"| {kept} (val_loss {Value(summary, "val_loss").ToString("F4", Text)}) | {keptAccuracy} |", compare.Output);
        Assert.DoesNotContain(other.ToString("P2", Text), compare.Output);
    }

    [Fact]
    public void The_sweep_report_ranks_each_trial_by_its_kept_epoch_not_its_best_row_of_metrics_csv()
    {
        var crafted = sweep.NewCase("best-sweep");
        var summary = Summary(crafted.TrialRun);
        var metric = (string)JsonNode.Parse(File.ReadAllText(crafted.SweepJson))!["metric"]!;
        // Another epoch with a better value of the sweep's metric than the kept one.
        var kept = (int)summary["best_epoch"]!;
        var rows = File.ReadAllLines(Path.Combine(crafted.TrialRun, "metrics.csv")).ToList();
        var column = rows[0].Split(',').ToList().IndexOf(metric);
        var otherEpoch = kept == 1 ? 2 : 1;
        var cells = rows[otherEpoch].Split(',');
        cells[column] = metric.EndsWith("accuracy", StringComparison.Ordinal) ? "0.987654" : "0.000123";
        rows[otherEpoch] = string.Join(",", cells);
        File.WriteAllLines(Path.Combine(crafted.TrialRun, "metrics.csv"), rows);

        var report = DeepDslProcess.Run(crafted.Root, "sweep", "report", "records");
        Assert.True(report.Exit == 0, report.ToString());
        var board = JsonNode.Parse(File.ReadAllText(Path.Combine(crafted.Sweep, "report", "leaderboard.json")))!["trials"]!.AsArray()
            .Single(t => (string)t!["hash"]! == crafted.Hash)!;
        Assert.Equal(kept, (int)board["best_epoch"]!);
        Assert.Equal(Value(summary, metric), (double)board["metric"]!, 9);
    }

    /// <summary>
    /// Makes the epoch the run does not keep the one with the highest val_accuracy (0.987654), and returns the kept epoch and
    /// that other value. The doors still pass: metrics.csv is as sound as before.
    /// </summary>
    private static (int Kept, double Other) Crafted(string run, JsonNode summary)
    {
        var kept = (int)summary["best_epoch"]!;
        var file = Path.Combine(run, "metrics.csv");
        var rows = File.ReadAllLines(file).ToList();
        Assert.True(rows.Count >= 3, "the run needs two epochs");
        var other = kept == 1 ? 2 : 1;
        var cells = rows[other].Split(',');
        cells[5] = "0.987654";
        rows[other] = string.Join(",", cells);
        File.WriteAllLines(file, rows);
        Assert.True(0.987654 > Value(summary, "val_accuracy"));
        return (kept, 0.987654);
    }

    private static JsonNode Summary(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;

    private static double Value(JsonNode summary, string metric) => (double)summary["best"]![metric]!;

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
