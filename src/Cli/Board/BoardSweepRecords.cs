using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of the sweeps under a runs folder, through the sweep library's doors (<see cref="SweepState.Read"/>,
/// <see cref="Leaderboard.Of(SweepFolder, SweepState, Action{TrialState, string}?)"/>, <see cref="AshaRungs.LastRungs"/>):
/// nothing here parses a record. A damaged sweep.json, or a trial's damaged records, are shown with their reader's message,
/// never thrown to the page; a trial whose records lead out of the runs folder is listed without them.
/// </summary>
internal sealed class BoardSweepRecords(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// Every sweep the board's door (<see cref="BoardRunFolder.FindSweep"/>) opens, by name: its row only, from sweep.json and
    /// each trial's summary (no metrics, leaderboard, rungs or charts, which only its page shows).
    /// </summary>
    public IReadOnlyList<BoardSweep> Sweeps()
    {
        if (!Directory.Exists(Root)) return [];
        var root = BoardRoot.Of(Root);
        // A folder this user may not read is no sweep: skipped, as the runs list skips it.
        var names = Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { IgnoreInaccessible = true }).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal);
        return [.. names.Select(name => BoardRunFolder.FindSweep(root, name) is { } folder ? Row(root, name!, folder) : null).OfType<BoardSweep>()];
    }

    /// <summary>The sweep's page, or null when <paramref name="name"/> names no sweep the board serves.</summary>
    public BoardSweepPage? Page(string? name)
    {
        var root = BoardRoot.Of(Root);
        return BoardRunFolder.FindSweep(root, name) is { } folder ? Page(root, name!, folder) : null;
    }

    private static BoardSweep Row(BoardRoot root, string name, SweepFolder folder)
    {
        var problems = new List<string>();
        if (State(root, name, folder, problems) is not { } state) return Damaged(name, problems);
        var trials = new List<(string Hash, string Status, double? Metric)>();
        foreach (var trial in state.Trials)
        {
            // A trial's damaged or outside records are its page's to show: here it counts as sweep.json has it.
            var summary = Served(root, folder, trial, out _) is { } run ? root.Read(run.SummaryFile, run.ReadSummary, []) : null;
            var kept = summary is null ? null : KeptEpoch.Of(summary);
            trials.Add((trial.Hash, summary?.Status ?? trial.Status, kept is null ? null : BoardNumber.Of(kept[state.Metric])));
        }
        return Summarize(name, state, trials);
    }

    private static BoardSweepPage Page(BoardRoot root, string name, SweepFolder folder)
    {
        var problems = new List<string>();
        if (State(root, name, folder, problems) is not { } state) return new BoardSweepPage(Damaged(name, problems), [], [], [], [], problems);
        var unread = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new Dictionary<string, RunDirectory>(StringComparer.Ordinal);
        foreach (var trial in state.Trials)
        {
            if (Served(root, folder, trial, out var why) is { } run) runs[trial.Hash] = run;
            else unread[trial.Hash] = why!;
        }
        // One damaged trial leaves the others: the leaderboard skips it and says why.
        var board = Leaderboard.Of(folder, state with { Trials = [.. state.Trials.Where(t => runs.ContainsKey(t.Hash))] }, (t, message) => unread[t.Hash] = message);
        var rungs = state.AshaMinEpochs is null ? null : root.Read(folder.RungFile, () => AshaRungs.LastRungs(folder.RungFile), problems);
        var trials = Trials(state, board, runs, unread, rungs ?? new Dictionary<string, int>());
        problems.AddRange(state.Trials.Where(t => unread.ContainsKey(t.Hash)).OrderBy(t => t.Index).Select(t => $"trial {t.Index}: {unread[t.Hash]}"));
        var parameters = state.Trials.SelectMany(t => t.Values.Keys).Distinct().ToList();
        var sweep = Summarize(name, state, [.. trials.Select(t => (t.Hash, t.Status, t.Metric))]);
        return new BoardSweepPage(sweep, parameters, trials, [.. board.Groups.Select(BoardSeedGroup.Of)],
            [.. parameters.Select(p => BoardSweepChart.Of(p, trials))], problems);
    }

    // sweep.json, or null with why in problems: the only record whose failure makes the whole sweep damaged.
    private static SweepState? State(BoardRoot root, string name, SweepFolder folder, List<string> problems)
    {
        var state = root.Read(folder.StateFile, () => SweepState.Read(folder), problems);
        if (state is null && problems.Count == 0) problems.Add($"{folder.StateFile} is gone");
        return state;
    }

    private static BoardSweep Damaged(string name, List<string> problems) =>
        new(name, null, false, false, 0, 0, new Dictionary<string, int>(), null, false, problems[0]);

    // The row, from each trial's status (its summary's when it has one, which may be ahead of sweep.json) and value of the metric.
    private static BoardSweep Summarize(string name, SweepState state, IReadOnlyList<(string Hash, string Status, double? Metric)> trials)
    {
        var values = trials.Where(t => t.Metric is not null).Select(t => t.Metric!.Value).ToList();
        double? best = values.Count == 0 ? null : state.Maximize ? values.Max() : values.Min();
        var statuses = trials.ToDictionary(t => t.Hash, t => t.Status, StringComparer.Ordinal);
        var done = state.Trials.Count(t => IsDone(t.Status) || (statuses.TryGetValue(t.Hash, out var status) && IsDone(status)));
        return new BoardSweep(name, state.Metric, state.Maximize, state.AshaMinEpochs is not null, state.Trials.Count, done,
            trials.GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            best, done == state.Trials.Count, Problem: null);
    }

    private static List<BoardSweepTrial> Trials(SweepState state, Leaderboard board, Dictionary<string, RunDirectory> runs,
        Dictionary<string, string> unread, IReadOnlyDictionary<string, int> rungs)
    {
        var rows = new List<BoardSweepTrial>();
        var rank = 0;
        foreach (var t in board.Trials)
        {
            var metric = BoardNumber.Of(t.Metric);
            var stopped = t.Status == RunStatus.EarlyTerminated.Name;
            rows.Add(new BoardSweepTrial(metric is null ? null : ++rank, t.Index, t.Hash, t.Values, t.Status, metric, metric is null ? null : t.BestEpoch,
                t.Epochs, t.TestAccuracy is { } test ? BoardNumber.Of(test) : null, stopped, stopped && rungs.TryGetValue(t.Hash, out var rung) ? rung : null,
                HasRun(t.Hash, runs, unread), null));
        }
        // Trials the leaderboard could not take: as sweep.json has them, with why.
        var ranked = rows.Select(r => r.Hash).ToHashSet(StringComparer.Ordinal);
        foreach (var t in state.Trials.Where(t => !ranked.Contains(t.Hash)).OrderBy(t => t.Index))
            rows.Add(new BoardSweepTrial(null, t.Index, t.Hash, t.Values, t.Status, null, null, null, null, false, null,
                HasRun(t.Hash, runs, unread), unread.GetValueOrDefault(t.Hash)));
        return rows;
    }

    // Whether the trial's page opens: its folder and spec.yaml exist, and neither leads out (checked once, by Served).
    private static bool HasRun(string hash, Dictionary<string, RunDirectory> runs, Dictionary<string, string> unread) =>
        !unread.ContainsKey(hash) && runs.TryGetValue(hash, out var run) && Directory.Exists(run.Path) && File.Exists(run.SpecFile);

    // The trial's run folder, or null with why (its folder or a record is a link out of the sweep or the runs folder).
    private static RunDirectory? Served(BoardRoot root, SweepFolder folder, TrialState trial, out string? why)
    {
        try
        {
            var run = new RunDirectory(folder.TrialRun(trial.Hash));
            why = new[] { run.Path, run.SpecFile, run.SummaryFile, run.MetricsFile }.Select(root.Refuses).FirstOrDefault(w => w is not null);
            return why is null ? run : null;
        }
        catch (RunException error)
        {
            why = error.Message;
            return null;
        }
    }

    // A trial is done when its run ended (a sweep does not start it again) or it failed its attempts.
    private static bool IsDone(string status) => TrialState.IsFinished(status) || status == TrialState.Failed;
}
