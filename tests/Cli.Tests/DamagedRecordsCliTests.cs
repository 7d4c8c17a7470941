using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Run and sweep folders are shared and committed, so every record in them is untrusted input. Each case below writes one
/// crafted record — copied from a real finished sweep, then damaged — and feeds it to every command that reads that record;
/// each command must answer exit 1 with exactly one line on stderr naming the file: never a stack trace (exit 70), never a
/// raw control character, never a file outside the sweep folder read or written.
/// </summary>
[Collection("finished sweep")]
public sealed class DamagedRecordsCliTests(FinishedSweep sweep)
{
    /// <summary>Which record a case damages, and so which commands read it.</summary>
    public enum Record
    {
        /// <summary>A run's summary.json: `runs`, `runs NAME`, `compare` (SVG and HTML).</summary>
        Summary,

        /// <summary>A run's metrics.csv: `compare` (SVG and HTML), `run --resume`.</summary>
        Metrics,

        /// <summary>A trial's summary.json or metrics.csv, or its files: `sweep report`, `sweep` again.</summary>
        Trial,

        /// <summary>sweep.json: `sweep report`, `sweep` again, and the trial process (`run --sweep`).</summary>
        Sweep,

        /// <summary>asha.json: `sweep` again, and the trial process.</summary>
        Asha,
    }

    private sealed record Damage(Record Record, Func<RecordsCase, string> Apply);

    // Each damage writes its record and returns the file an error must name.
    private static readonly Dictionary<string, Damage> Damages = new()
    {
        // summary.json of a run
        ["summary-null-experiment"] = Summary(s => s["experiment"] = null),
        ["summary-experiment-number"] = Summary(s => s["experiment"] = 42),
        ["summary-null-status"] = Summary(s => s["status"] = null),
        ["summary-unknown-status"] = Summary(s => s["status"] = "pwned"),
        ["summary-negative-epochs"] = Summary(s => s["epochs_run"] = -2),
        ["summary-epochs-as-text"] = Summary(s => s["epochs_run"] = "2"),
        ["summary-epochs-1e400"] = SummaryText(t => Replace(t, "\"epochs_run\": 2", "\"epochs_run\": 1e400")),
        ["summary-best-epoch-beyond-run"] = Summary(s => s["best_epoch"] = 9),
        ["summary-best-epoch-zero"] = Summary(s => s["best_epoch"] = 0),
        ["summary-wall-seconds-1e400"] = SummaryText(t => System.Text.RegularExpressions.Regex.Replace(t, "\"wall_seconds\": [0-9.eE+-]+", "\"wall_seconds\": 1e400")),
        ["summary-seconds-nan"] = Summary(s => s["seconds_per_epoch"] = "NaN"),
        ["summary-seconds-infinity"] = Summary(s => s["seconds_per_epoch"] = "-Infinity"),
        ["summary-accuracy-above-one"] = Summary(s => s["best"]!["val_accuracy"] = 7.5),
        ["summary-unknown-metric"] = Summary(s => s["best"]!["rm -rf"] = 1),
        ["summary-null-metric"] = Summary(s => s["best"]!["loss"] = null),
        ["summary-test-without-accuracy"] = Summary(s => s["test"]!.AsObject().Remove("accuracy")),
        ["summary-null-versions"] = Summary(s => s["versions"] = null),
        ["summary-missing-versions"] = Summary(s => s.AsObject().Remove("versions")),
        ["summary-negative-seed"] = Summary(s => s["seed"] = -1),
        ["summary-zero-world-size"] = Summary(s => s["world_size"] = 0),
        ["summary-started-not-a-date"] = Summary(s => s["started"] = "yesterday"),
        ["summary-escape-in-experiment"] = Summary(s => s["experiment"] = "records\u001b[2J\u001b[H"),
        ["summary-cr-bel-in-device"] = Summary(s => s["device"] = "cpu\rgpu\u0007"),
        ["summary-u0001-in-experiment"] = Summary(s => s["experiment"] = "rec\u0001ords"),
        ["summary-ufffe-in-device"] = Summary(s => s["device"] = "cpu\ufffe"),
        ["summary-lone-surrogate"] = SummaryText(t => Replace(t, "\"device\": \"cpu\"", "\"device\": \"cpu\\ud800\"")),
        ["summary-huge-stop-reason"] = Summary(s => s["stop_reason"] = new string('x', 100_000)),
        ["summary-truncated"] = SummaryText(t => t[..(t.Length / 2)]),
        ["summary-null"] = SummaryText(_ => "null"),
        ["summary-array"] = SummaryText(_ => "[]"),
        ["summary-empty"] = SummaryText(_ => ""),

        // metrics.csv of a run
        ["metrics-missing"] = new(Record.Metrics, c => Delete(Path.Combine(c.Run, "metrics.csv"))),
        ["metrics-missing-header"] = MetricsText(t => t[(t.IndexOf('\n') + 1)..]),
        ["metrics-wrong-header"] = MetricsText(t => "epoch,lr,loss" + t[t.IndexOf('\n')..]),
        ["metrics-ragged-row"] = MetricsText(t => Row(t, 1, r => r[..r.LastIndexOf(',')])),
        ["metrics-extra-cell"] = MetricsText(t => Row(t, 2, r => r + ",1")),
        ["metrics-non-numeric"] = MetricsText(t => Row(t, 1, r => Cell(r, 2, "lots"))),
        ["metrics-negative-epoch"] = MetricsText(t => Row(t, 1, r => Cell(r, 0, "-1"))),
        ["metrics-epochs-out-of-order"] = MetricsText(t => Row(Row(t, 1, _ => t.Split('\n')[2]), 2, _ => t.Split('\n')[1])),
        ["metrics-lr-1e400"] = MetricsText(t => Row(t, 2, r => Cell(r, 1, "1e400"))),
        ["metrics-lr-nan"] = MetricsText(t => Row(t, 1, r => Cell(r, 1, "NaN"))),
        ["metrics-accuracy-above-one"] = MetricsText(t => Row(t, 2, r => Cell(r, 5, "3.5"))),
        ["metrics-negative-seconds"] = MetricsText(t => Row(t, 2, r => Cell(r, 6, "-4"))),
        ["metrics-escape-in-cell"] = MetricsText(t => Row(t, 1, r => Cell(r, 3, "\u001b[2J"))),
        ["metrics-ufffe-in-cell"] = MetricsText(t => Row(t, 1, r => Cell(r, 4, "0.5\ufffe"))),
        ["metrics-fewer-epochs-than-summary"] = MetricsText(t => string.Join('\n', t.TrimEnd('\n').Split('\n')[..^1]) + "\n"),
        ["metrics-empty"] = MetricsText(_ => ""),

        // a trial's records
        ["trial-summary-unknown-status"] = new(Record.Trial, c => EditJson(Path.Combine(c.TrialRun, "summary.json"), s => s["status"] = "done!")),
        ["trial-summary-null-best-epoch"] = new(Record.Trial, c => EditJson(Path.Combine(c.TrialRun, "summary.json"), s => s["best_epoch"] = null)),
        ["trial-summary-escape"] = new(Record.Trial, c => EditJson(Path.Combine(c.TrialRun, "summary.json"), s => s["stop_reason"] = "\u001b]0;pwned\u0007")),
        ["trial-summary-truncated"] = new(Record.Trial, c => EditText(Path.Combine(c.TrialRun, "summary.json"), t => t[..40])),
        ["trial-metrics-missing"] = new(Record.Trial, c => Delete(Path.Combine(c.TrialRun, "metrics.csv"))),
        ["trial-metrics-ragged"] = new(Record.Trial, c => EditText(Path.Combine(c.TrialRun, "metrics.csv"), t => Row(t, 2, r => r + ",,"))),
        ["trial-metrics-non-numeric"] = new(Record.Trial, c => EditText(Path.Combine(c.TrialRun, "metrics.csv"), t => Row(t, 1, r => Cell(r, 4, "0x1p3")))),
        ["trial-spec-links-outside"] = new(Record.Trial, c => LinkOut(c, h => Path.Combine(c.Sweep, "trials", h + ".yaml"), "secret.yaml")),
        ["trial-run-links-outside"] = new(Record.Trial, c => LinkOut(c, h => Path.Combine(c.Sweep, "trials", h), "elsewhere")),

        // sweep.json
        ["sweep-null"] = SweepText(_ => "null"),
        ["sweep-truncated"] = SweepText(t => t[..(t.Length - 20)]),
        ["sweep-null-trials"] = SweepJson(s => s["trials"] = null),
        ["sweep-missing-trials"] = SweepJson(s => s.AsObject().Remove("trials")),
        ["sweep-null-trial"] = SweepJson(s => s["trials"]![0] = null),
        ["sweep-null-name"] = SweepJson(s => s["name"] = null),
        ["sweep-unknown-metric"] = SweepJson(s => s["metric"] = "f1"),
        ["sweep-null-metric"] = SweepJson(s => s["metric"] = null),
        ["sweep-maximize-as-text"] = SweepJson(s => s["maximize"] = "yes"),
        ["sweep-asha-min-zero"] = SweepJson(s => s["asha_min_epochs"] = 0),
        ["sweep-asha-half-set"] = SweepJson(s => s["asha_reduction_factor"] = null),
        ["sweep-hash-path"] = SweepJson(s => s["trials"]![0]!["hash"] = "../../x"),
        ["sweep-hash-absolute"] = SweepJson(s => s["trials"]![0]!["hash"] = "/etc/passwd"),
        ["sweep-hash-missing"] = SweepJson(s => s["trials"]![0]!.AsObject().Remove("hash")),
        ["sweep-hash-null"] = SweepJson(s => s["trials"]![1]!["hash"] = null),
        ["sweep-hash-uppercase"] = SweepJson(s => s["trials"]![0]!["hash"] = ((string)s["trials"]![0]!["hash"]!).ToUpperInvariant()),
        ["sweep-hash-13-digits"] = SweepJson(s => s["trials"]![0]!["hash"] = (string)s["trials"]![0]!["hash"]! + "0"),
        ["sweep-hash-duplicate"] = SweepJson(s => s["trials"]![1]!["hash"] = (string)s["trials"]![0]!["hash"]!),
        ["sweep-index-negative"] = SweepJson(s => s["trials"]![0]!["index"] = -1),
        ["sweep-index-duplicate"] = SweepJson(s => s["trials"]![1]!["index"] = 0),
        ["sweep-attempts-1e400"] = SweepText(t => Replace(t, "\"attempts\": 1", "\"attempts\": 1e400")),
        ["sweep-null-status"] = SweepJson(s => s["trials"]![0]!["status"] = null),
        ["sweep-unknown-status"] = SweepJson(s => s["trials"]![0]!["status"] = "winning"),
        ["sweep-null-values"] = SweepJson(s => s["trials"]![0]!["values"] = null),
        ["sweep-null-value"] = SweepJson(s => s["trials"]![0]!["values"]!["seed"] = null),
        ["sweep-value-not-a-path"] = SweepJson(s => s["trials"]![0]!["values"]!["../x"] = "1"),
        ["sweep-escape-in-value"] = SweepJson(s => s["trials"]![0]!["values"]!["seed"] = "1\u001b[2J"),
        ["sweep-u0001-in-name"] = SweepJson(s => s["name"] = "rec\u0001ords"),
        ["sweep-ufffe-in-value"] = SweepJson(s => s["trials"]![1]!["values"]!["seed"] = "\ufffe"),

        // asha.json
        ["asha-null"] = AshaText(_ => "null"),
        ["asha-array"] = AshaText(_ => "[1, 2]"),
        ["asha-truncated"] = AshaText(t => t[..(t.Length / 2)]),
        ["asha-null-rung"] = AshaJson(a => a["0"] = null),
        ["asha-null-value"] = AshaJson(a => a["0"]![a["0"]!.AsObject().First().Key] = null),
        ["asha-value-as-text"] = AshaJson(a => a["1"] = new JsonObject { ["abc"] = "high" }),
        ["asha-rung-not-an-index"] = AshaJson(a => a["../x"] = new JsonObject()),
        ["asha-rung-too-high"] = AshaJson(a => a["99"] = new JsonObject()),
        ["asha-escape-in-trial"] = AshaJson(a => a["0"]!["\u001b[2J"] = 0.5),
    };

    public static TheoryData<string> Cases() => new(Damages.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void There_are_at_least_fifty_crafted_records_across_every_kind()
    {
        Assert.True(Damages.Count >= 50, $"{Damages.Count} cases");
        Assert.All(Enum.GetValues<Record>(), kind => Assert.Contains(Damages.Values, d => d.Record == kind));
    }

    [Fact]
    public void Every_command_of_the_matrix_succeeds_on_intact_records()
    {
        var intact = sweep.NewCase("intact");
        foreach (var kind in Enum.GetValues<Record>())
            foreach (var command in Commands(kind, intact))
            {
                var result = DeepDslProcess.Run(intact.Root, command);
                Assert.True(result.Exit == 0, $"deepdsl {string.Join(' ', command)}\n{result}");
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_crafted_record_is_one_line_naming_it_in_every_command_that_reads_it(string name)
    {
        var damage = Damages[name];
        var crafted = sweep.NewCase(name);
        var outside = Path.Combine(crafted.Root, "outside");
        Directory.CreateDirectory(outside);
        var file = damage.Apply(crafted);
        var before = Snapshot(outside);
        foreach (var command in Commands(damage.Record, crafted))
        {
            var result = DeepDslProcess.Run(crafted.Root, command);
            var what = $"deepdsl {string.Join(' ', command)}\n{result}";
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(result.Exit == 1, what);
            Assert.True(lines.Length == 1, what);
            Assert.StartsWith("deepdsl: error: ", lines[0]);
            Assert.Contains(file, lines[0]);
            DeepDslProcess.AssertNoStackTrace(result);
            Assert.False((result.Output + result.Error).Any(c => c is '\u001b' or '\r' or '\u0007' or '\u0001' or '\ufffe'), what);
        }
        // Nothing a link pointed at was read into the sweep's report or written over.
        Assert.Equal(before, Snapshot(outside));
        Assert.False(File.Exists(Path.Combine(crafted.Sweep, "report", "best.yaml")) &&
                     File.ReadAllText(Path.Combine(crafted.Sweep, "report", "best.yaml")).Contains("hunter2"));
    }

    [Fact]
    public void Compare_with_an_empty_out_is_a_usage_error_on_one_line()
    {
        var result = DeepDslProcess.Run(sweep.NewCase("empty-out").Root, "compare", "runs/records", "--out", "");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deepdsl: error: --out is an empty string", result.Error);
    }

    private static IEnumerable<string[]> Commands(Record record, RecordsCase c)
    {
        var trial = Path.Combine(c.Sweep, "trials", c.Hash + ".yaml");
        string[] trialProcess = ["run", trial, "--run-folder", Path.Combine(c.Root, "trial-" + c.Hash), "--sweep", c.Sweep];
        string[] again = ["sweep", "sweep.yaml", "--runs", "runs"];
        string[] report = ["sweep", "report", c.Sweep];
        return record switch
        {
            Record.Summary => [["runs", "--runs", "runs"], ["runs", "records", "--runs", "runs"], ["compare", c.Run, "--out", "x.svg"], ["compare", c.Run, "--out", "x.html"]],
            Record.Metrics => [["compare", c.Run, "--out", "x.svg"], ["compare", c.Run, "--out", "x.html"], ["run", Path.Combine(c.Run, "spec.yaml"), "--resume", c.Run, "--runs", "runs"]],
            Record.Trial => [report, again],
            Record.Sweep => [report, again, trialProcess],
            _ => [again, trialProcess],
        };
    }

    private static Damage Summary(Action<JsonNode> edit) => new(Record.Summary, c => EditJson(Path.Combine(c.Run, "summary.json"), edit));

    private static Damage SummaryText(Func<string, string> edit) => new(Record.Summary, c => EditText(Path.Combine(c.Run, "summary.json"), edit));

    private static Damage MetricsText(Func<string, string> edit) => new(Record.Metrics, c => EditText(Path.Combine(c.Run, "metrics.csv"), edit));

    private static Damage SweepJson(Action<JsonNode> edit) => new(Record.Sweep, c => EditJson(c.SweepJson, edit));

    private static Damage SweepText(Func<string, string> edit) => new(Record.Sweep, c => EditText(c.SweepJson, edit));

    private static Damage AshaJson(Action<JsonNode> edit) => new(Record.Asha, c => EditJson(c.AshaJson, edit));

    private static Damage AshaText(Func<string, string> edit) => new(Record.Asha, c => EditText(c.AshaJson, edit));

    private static string EditJson(string file, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(file))!;
        edit(node);
        File.WriteAllText(file, node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return file;
    }

    private static string EditText(string file, Func<string, string> edit)
    {
        File.WriteAllText(file, edit(File.ReadAllText(file)));
        return file;
    }

    private static string Delete(string file)
    {
        File.Delete(file);
        return file;
    }

    // Every trial's spec (or run folder) replaced by a link to a file (or copy) outside the sweep holding a secret.
    private static string LinkOut(RecordsCase c, Func<string, string> trialPath, string target)
    {
        var outside = Path.Combine(c.Root, "outside");
        Directory.CreateDirectory(outside);
        foreach (var hash in c.Hashes)
        {
            var path = trialPath(hash);
            var to = Path.Combine(outside, hash + "-" + target);
            if (Directory.Exists(path))
            {
                FinishedSweep.CopyFolder(path, to);
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.WriteAllText(to, "password: hunter2\n");
                File.Delete(path);
            }
            File.CreateSymbolicLink(path, to);
        }
        return Path.Combine(c.Sweep, "trials") + Path.DirectorySeparatorChar;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    // Row k (1 = the first epoch) of a CSV, edited.
    private static string Row(string csv, int k, Func<string, string> edit)
    {
        var lines = csv.Split('\n');
        lines[k] = edit(lines[k]);
        return string.Join('\n', lines);
    }

    private static string Cell(string row, int k, string value)
    {
        var cells = row.Split(',');
        cells[k] = value;
        return string.Join(',', cells);
    }

    private static string Snapshot(string folder) =>
        string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {File.GetLastWriteTimeUtc(f).Ticks} {new FileInfo(f).Length}"));
}
