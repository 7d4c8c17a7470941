using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl runs [NAME] [--status S] [--json]: the runs under the runs folder with their key numbers, fitted to the terminal;
/// with NAME, that experiment's runs and the trials of its sweep.
/// </summary>
internal static class RunsCommand
{
    /// <summary>
    /// What the status column can say, and so what --status accepts: a run's status, a sweep trial's (pending, failed),
    /// damaged (its summary.json fails its door) and unknown (no summary.json yet).
    /// </summary>
    public static readonly IReadOnlyList<string> Statuses = [.. TrialState.Statuses, RecordStatus.Damaged, RecordStatus.Unknown];

    public static Command Create()
    {
        var root = RunsFolder.Option();
        var experiment = new Argument<string?>("experiment") { Description = "Only this experiment's runs, with the trials of its sweep", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status") { Description = "Only runs with this status" }.AcceptOnlyFromAmong([.. Statuses]);
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
            var name = parse.GetValue(experiment);
            var all = RunCatalog.List(folder).Where(e => name is null || e.Experiment == name)
                .Select(e => (Entry: e, TrialStatus: (string?)null))
                .Concat(name is null ? [] : Trials(folder, name, damaged))
                .Select(r => (r.Entry, Summary: Read(r.Entry), r.TrialStatus)).ToList();
            string Status((RunEntry Entry, RunSummary? Summary, string? TrialStatus) r) =>
                r.Summary?.Status ?? (damaged.ContainsKey(r.Entry.Run.Path) ? RecordStatus.Damaged : r.TrialStatus ?? RecordStatus.Unknown);
            var runs = all.Where(r => parse.GetValue(status) is not { } s || Status(r) == s).ToList();
            if (parse.GetValue(json))
            {
                // JSON escapes control characters itself.
                System.Console.WriteLine(JsonSerializer.Serialize(runs.Select(r => new RunListing(r.Entry.Name, r.Entry.Experiment, r.Entry.Id, r.Entry.Run.Path, r.Summary)), RunJson.Options));
                return Done();
            }
            if (runs.Count == 0)
            {
                var of = name is null ? "" : $" of {name}";
                System.Console.WriteLine(TerminalText.Escape(all.Count == 0
                    ? $"No runs{of} under {folder}. Start one with: deepdsl run FILE.yaml"
                    : $"No runs{of} with status {parse.GetValue(status)} under {folder} ({all.Count} run{(all.Count == 1 ? "" : "s")}{of} in total)."));
                return Done();
            }
            var text = CultureInfo.InvariantCulture;
            string N(IReadOnlyDictionary<string, double>? d, string key, string format) =>
                d is not null && d.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString(format, text) : "–";
            var rows = runs.Select(r => r.Summary is not { } s
                ? [r.Entry.Name, Status(r), "–", "–", "–", "–", "–", "–", "–"]
                : new[]
                {
                    // best: the kept checkpoint's epoch, and val_acc, val_loss that epoch's (KeptEpoch), as compare and run say.
                    r.Entry.Name, s.Status, s.EpochsRun.ToString(text), KeptEpoch.Of(s)?.Epoch.ToString(text) ?? "–", N(KeptEpoch.Of(s)?.Values, "val_accuracy", "P2"),
                    N(KeptEpoch.Of(s)?.Values, "val_loss", "F4"), N(s.Test, "accuracy", "P2"), s.SecondsPerEpoch.ToString("F1", text), s.Device,
                }).ToList();
            var columns = new[] { ("run", 9), ("status", 8), ("epochs", 4), ("best", 3), ("val_acc", 6), ("val_loss", 2), ("test_acc", 7), ("s/epoch", 1), ("device", 0) };
            // Folder names and record fields are text from whoever shared the runs.
            var shown = rows.Select(row => row.Select(TerminalText.Escape).ToArray()).ToList();
            foreach (var line in FittedTable.Lines(columns, shown, FittedTable.TerminalWidth())) System.Console.WriteLine(line);
            return Done();
        });
        return command;
    }

    /// <summary>
    /// The trials of the sweep named <paramref name="name"/> under <paramref name="root"/>, as runs named NAME/sweep/trials/HASH
    /// (their folders), each with its status in sweep.json for when its run has no summary yet; none when there is no such sweep.
    /// A damaged sweep.json is reported as damaged, and the runs are still listed.
    /// </summary>
    private static IEnumerable<(RunEntry Entry, string? TrialStatus)> Trials(string root, string name, Dictionary<string, string> damaged)
    {
        var folder = SweepFolder.For(root, name);
        RunEntry Entry(string run) => new(name, System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(folder.Path)!, run), new RunDirectory(run));
        try
        {
            var state = SweepState.Read(folder);
            // Read now, inside the try: a trial's folder that a link leads out of the sweep is the sweep's damage too.
            return state is null ? [] : [.. state.Trials.OrderBy(t => t.Index).Select(t => (Entry(folder.TrialRun(t.Hash)), (string?)t.Status))];
        }
        catch (Exception error) when (error is RunException or IOException)
        {
            damaged[folder.StateFile] = error.Message;
            return [];
        }
    }

    /// <summary>One run in `runs --json`: how to name it, where it is, and its summary.json (null when it has none yet).</summary>
    private sealed record RunListing(string Name, string Experiment, string Id, string Path, RunSummary? Summary);
}
