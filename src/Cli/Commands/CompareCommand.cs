using System.CommandLine;
using System.Globalization;
using System.Text;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Reports;
using DeepDsl.Plots;
using DeepDsl.Runs;
using Spectre.Console;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl compare RUN RUN…: the runs' learning curves overlaid in one figure, and a table that answers
/// the chapter's questions — better model (the val accuracy of the model each run keeps), converges faster (epochs to
/// reach the val loss of the first run's kept model), trains slower (seconds per epoch). "Best" is each run's kept
/// checkpoint (<see cref="KeptEpoch"/>), as everywhere else.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var runsArgument = new Argument<string[]>("runs") { Description = RunsFolder.RunDescription + " (1 to 20)", Arity = new ArgumentArity(1, 20) };
        var runsRoot = RunsFolder.Option();
        var output = new Option<string>("--out") { Description = "Figure to write (.svg, or .html for a page with the table)", DefaultValueFactory = _ => "compare.svg" }.NotEmpty();
        var command = new Command("compare", "Overlay runs' learning curves and compare them.") { runsArgument, output, runsRoot };
        command.SetAction(parse =>
        {
            var runs = parse.GetValue(runsArgument)!.Select(r => RunCatalog.Find(r, parse.GetValue(runsRoot)!)).ToList();
            // Through the doors of summary.json and metrics.csv: each run has finished an epoch and its records are sound.
            var rows = runs.Select(r => (Run: r, Records: r.ReadRecords())).Select(r => (r.Run, r.Records.Summary, r.Records.Metrics)).ToList();
            if (rows.FirstOrDefault(r => r.Metrics.Count == 0) is { Run: { } early })
                throw new RunException($"{early.MetricsFile}: no finished epoch yet; there is nothing of {early.Path} to compare.");
            var reference = KeptEpoch.Of(rows[0].Summary)?["val_loss"] ?? double.NaN;
            var headers = new[] { "run", "best epoch", "val_accuracy there", $"epochs to val_loss ≤ {KeptEpoch.Format("val_loss", reference)} (the first run's best)", "s/epoch", "test accuracy" };
            var table = new Table().AddColumns(headers.Select(Markup.Escape).ToArray());
            var text = CultureInfo.InvariantCulture;
            var markdown = new StringBuilder("| " + string.Join(" | ", headers) + " |\n|---|---|---|---|---|---|\n");
            var cellRows = new List<IReadOnlyList<string>>();
            // Runs of one experiment (seeds, sweep trials) are told apart by their folder, whose name is anyone's: escaped once
            // here, the name is safe in the terminal, the Markdown, the page and the figure.
            string Name(RunDirectory run, RunSummary s) => TerminalText.Escape(
                rows.Count(r => r.Summary.Experiment == s.Experiment) > 1 ? $"{s.Experiment} ({Path.GetFileName(run.Path)})" : s.Experiment);
            foreach (var (run, s, metrics) in rows)
            {
                var reach = double.IsNaN(reference) ? "–" : metrics.FirstOrDefault(m => m.ValLoss <= reference)?.Epoch.ToString(text) ?? "never";
                var kept = KeptEpoch.Of(s);
                var cells = new[] { Name(run, s), kept?.Describe() ?? "–", KeptEpoch.Format("val_accuracy", kept?["val_accuracy"] ?? double.NaN), reach,
                    s.SecondsPerEpoch.ToString("F1", text), s.Test is { } t ? t["accuracy"].ToString("P2", text) : "–" };
                table.AddRow(cells.Select(Markup.Escape).ToArray());
                markdown.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
                cellRows.Add(cells);
            }
            // A terminal gets the table drawn; a pipe or file gets it once, as Markdown (below).
            if (!System.Console.IsOutputRedirected) AnsiConsole.Write(table);

            Series Curve(int i, string metric, bool dashed) => new($"{cellRows[i][0]} {metric}",
                rows[i].Metrics.Select(m => ((double)m.Epoch, m[metric])).ToList(), dashed ? SeriesKind.DashedLine : SeriesKind.Line, LineChart.Palette[i % LineChart.Palette.Length]);
            // 552 px panels: two side by side in a 1,200 px window (the page's margins and gap included), one under the other below that.
            var loss = new LineChart("validation loss (dashed: training)", "epoch", "loss",
                [.. Enumerable.Range(0, rows.Count).SelectMany(i => new[] { Curve(i, "val_loss", false), Curve(i, "loss", true) })], Width: 552, IntegerX: true);
            var accuracy = new LineChart("validation accuracy (dashed: training)", "epoch", "accuracy",
                [.. Enumerable.Range(0, rows.Count).SelectMany(i => new[] { Curve(i, "val_accuracy", false), Curve(i, "accuracy", true) })], Width: 552, IntegerX: true);
            var path = parse.GetValue(output)!;
            IO.AtomicFile.WriteAllText(path, path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                ? ComparisonPage.Html($"DeepDsl comparison: {string.Join(", ", rows.Select(r => r.Summary.Experiment))}", headers, cellRows, Figure.Panels(loss, accuracy))
                : Figure.Compose(loss, accuracy));
            if (System.Console.IsOutputRedirected) System.Console.WriteLine(markdown.ToString());
            System.Console.WriteLine($"Figure: {TerminalText.Escape(Path.GetFullPath(path))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
