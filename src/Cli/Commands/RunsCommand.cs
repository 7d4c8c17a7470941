using System.CommandLine;
using System.Globalization;
using DeepDsl.Runs;
using Spectre.Console;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl runs: lists the runs under the runs folder with their key numbers.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--runs") { Description = "Folder holding the runs", DefaultValueFactory = _ => "runs" };
        var command = new Command("runs", "List runs with their key numbers.") { root };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(root)!;
            var runs = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, RunDirectory.SummaryFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : [];
            if (runs.Count == 0)
            {
                AnsiConsole.MarkupLine($"No runs under [bold]{Markup.Escape(folder)}[/]. Start one with [bold]deepdsl run FILE.yaml[/].");
                return 0;
            }
            var table = new Table().AddColumns("run", "status", "epochs", "best epoch", "val_accuracy", "val_loss", "test_accuracy", "s/epoch", "device");
            var damaged = new List<string>();
            foreach (var file in runs)
            {
                var run = RunDirectory.Open(file);
                RunSummary s;
                try
                {
                    s = run.ReadSummary()!;
                }
                catch (RunException error)
                {
                    // One damaged record must not hide the others: list it as such.
                    table.AddRow(Markup.Escape(Path.GetRelativePath(folder, run.Path)), "[red]damaged[/]", "–", "–", "–", "–", "–", "–", "–");
                    damaged.Add(error.Message);
                    continue;
                }
                string N(IReadOnlyDictionary<string, double>? d, string key, string format) =>
                    d is not null && d.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
                table.AddRow(Markup.Escape(Path.GetRelativePath(folder, run.Path)), s.Status, s.EpochsRun.ToString(CultureInfo.InvariantCulture),
                    s.BestEpoch.ToString(CultureInfo.InvariantCulture), N(s.Best, "val_accuracy", "P2"), N(s.Best, "val_loss", "F4"),
                    N(s.Test, "accuracy", "P2"), s.SecondsPerEpoch.ToString("F1", CultureInfo.InvariantCulture), s.Device);
            }
            AnsiConsole.Write(table);
            foreach (var message in damaged) System.Console.Error.WriteLine($"deepdsl: warning: {message}");
            return 0;
        });
        return command;
    }
}
