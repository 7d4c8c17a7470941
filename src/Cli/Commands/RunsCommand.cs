using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl runs [EXPERIMENT] [--status S] [--json]: the runs under the runs folder with their key numbers, fitted to the terminal.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var root = RunsFolder.Option();
        var experiment = new Argument<string?>("experiment") { Description = "Only this experiment's runs", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status") { Description = "Only runs with this status: completed, running, interrupted, failed, …" };
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON" };
        var command = new Command("runs", "List runs with their key numbers (newest last).") { experiment, root, status, json };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(root)!;
            // One damaged record must not hide the others: it is listed as damaged, why is one line on stderr, and the exit code is 1.
            var damaged = new Dictionary<string, string>();
            RunSummary? Read(RunEntry entry)
            {
                try
                {
                    return entry.Run.ReadSummary();
                }
                catch (Exception error) when (error is RunException or IOException)
                {
                    damaged[entry.Run.Path] = error.Message;
                    return null;
                }
            }
            int Done()
            {
                foreach (var message in damaged.Values) System.Console.Error.WriteLine($"deepdsl: error: {TerminalText.Escape(message.ReplaceLineEndings(" "))}");
                return damaged.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }
            var runs = RunCatalog.List(folder)
                .Select(e => (Entry: e, Summary: Read(e)))
                .Where(r => parse.GetValue(experiment) is not { } x || r.Entry.Experiment == x)
                .Where(r => parse.GetValue(status) is not { } s || string.Equals(r.Summary?.Status ?? "unknown", s, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (parse.GetValue(json))
            {
                // JSON escapes control characters itself.
                System.Console.WriteLine(JsonSerializer.Serialize(runs.Select(r => new RunListing(r.Entry.Name, r.Entry.Experiment, r.Entry.Id, r.Entry.Run.Path, r.Summary)), RunJson.Options));
                return Done();
            }
            if (runs.Count == 0)
            {
                System.Console.WriteLine(TerminalText.Escape($"No runs under {folder}{(parse.GetValue(experiment) is { } e ? $" for {e}" : "")}. Start one with: deepdsl run FILE.yaml"));
                return Done();
            }
            var text = CultureInfo.InvariantCulture;
            string N(IReadOnlyDictionary<string, double>? d, string key, string format) =>
                d is not null && d.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString(format, text) : "–";
            var rows = runs.Select(r => r.Summary is not { } s
                ? [r.Entry.Name, damaged.ContainsKey(r.Entry.Run.Path) ? "damaged" : "unknown", "–", "–", "–", "–", "–", "–", "–"]
                : new[]
                {
                    r.Entry.Name, s.Status, s.EpochsRun.ToString(text), s.BestEpoch.ToString(text), N(s.Best, "val_accuracy", "P2"),
                    N(s.Best, "val_loss", "F4"), N(s.Test, "accuracy", "P2"), s.SecondsPerEpoch.ToString("F1", text), s.Device,
                }).ToList();
            var columns = new[] { ("run", 9), ("status", 8), ("epochs", 4), ("best", 3), ("val_acc", 6), ("val_loss", 2), ("test_acc", 7), ("s/epoch", 1), ("device", 0) };
            // Folder names and record fields are text from whoever shared the runs.
            var shown = rows.Select(row => row.Select(TerminalText.Escape).ToArray()).ToList();
            foreach (var line in FittedTable.Lines(columns, shown, FittedTable.TerminalWidth())) System.Console.WriteLine(line);
            return Done();
        });
        return command;
    }

    /// <summary>One run in `runs --json`: how to name it, where it is, and its summary.json (null when it has none yet).</summary>
    private sealed record RunListing(string Name, string Experiment, string Id, string Path, RunSummary? Summary);
}
