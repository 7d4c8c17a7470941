using System.Globalization;
using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of the sweeps under a runs folder, through the sweep library's doors (<see cref="SweepState.Read"/>,
/// <see cref="Leaderboard.Of"/>, <see cref="AshaRungs.Read"/>): nothing here parses a record. A damaged sweep.json, or a
/// trial's damaged records, are shown with their reader's message, never thrown to the page; a trial whose records lead
/// out of the runs folder is listed without them.
/// </summary>
internal sealed class BoardSweepRecords(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Every sweep the board's door (<see cref="BoardRunFolder.FindSweep"/>) opens, by name.</summary>
    public IReadOnlyList<BoardSweep> Sweeps()
    {
        if (!Directory.Exists(Root)) return [];
        var root = BoardRoot.Of(Root);
        // A folder this user may not read is no sweep: skipped, as the runs list skips it.
        var names = Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { IgnoreInaccessible = true }).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal);
        return [.. names.Select(name => BoardRunFolder.FindSweep(root, name) is { } folder ? Read(root, name!, folder).Sweep : null).OfType<BoardSweep>()];
    }

    /// <summary>The sweep's page, or null when <paramref name="name"/> names no sweep the board serves.</summary>
    public BoardSweepPage? Page(string? name)
    {
        var root = BoardRoot.Of(Root);
        return BoardRunFolder.FindSweep(root, name) is { } folder ? Read(root, name!, folder) : null;
    }

    private static BoardSweepPage Read(BoardRoot root, string name, SweepFolder folder)
    {
        var problems = new List<string>();
        var state = root.Read(folder.StateFile, () => SweepState.Read(folder), problems);
        if (state is null)
        {
            if (problems.Count == 0) problems.Add($"{folder.StateFile} is gone");
            return new BoardSweepPage(new BoardSweep(name, null, false, false, 0, 0, new Dictionary<string, int>(), null, false, problems[0]), [], [], [], [], problems);
        }
        var unread = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trial in state.Trials)
            if (WhyNotServed(root, folder, trial) is { } why) unread[trial.Hash] = why;
        var board = Rank(folder, state, unread, problems);
        Dictionary<string, int> rungs = state.AshaMinEpochs is null ? [] : root.Read(folder.RungFile, () => StoppedAt(folder), problems) ?? [];
        var trials = Trials(root, name, state, board, unread, rungs);
        problems.AddRange(state.Trials.Where(t => unread.ContainsKey(t.Hash)).OrderBy(t => t.Index).Select(t => $"trial {t.Index}: {unread[t.Hash]}"));
        var parameters = state.Trials.SelectMany(t => t.Values.Keys).Distinct().ToList();
        var done = state.Trials.Count(t => IsDone(t.Status) || trials.Any(row => row.Hash == t.Hash && IsDone(row.Status)));
        var sweep = new BoardSweep(name, state.Metric, state.Maximize, state.AshaMinEpochs is not null, state.Trials.Count, done,
            trials.GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            trials.FirstOrDefault(t => t.Metric is not null)?.Metric, done == state.Trials.Count, problems.FirstOrDefault());
        return new BoardSweepPage(sweep, parameters, trials, [.. board?.Groups.Select(BoardSeedGroup.Of) ?? []],
            [.. parameters.Select(p => BoardSweepChart.Of(p, trials))], problems);
    }

    /// <summary>
    /// The leaderboard of the trials whose records can be read. One damaged trial would fail the whole leaderboard: then each
    /// trial is tried alone, and those that fail are left out with their reader's message (in <paramref name="unread"/>).
    /// </summary>
    private static Leaderboard? Rank(SweepFolder folder, SweepState state, Dictionary<string, string> unread, List<string> problems)
    {
        var served = state with { Trials = [.. state.Trials.Where(t => !unread.ContainsKey(t.Hash))] };
        var whole = new List<string>();
        if (Reading(() => Leaderboard.Of(folder, served), whole) is { } board) return board;
        foreach (var trial in served.Trials)
        {
            var alone = new List<string>();
            if (Reading(() => Leaderboard.Of(folder, served with { Trials = [trial] }), alone) is null) unread[trial.Hash] = alone[0];
        }
        var sound = served with { Trials = [.. served.Trials.Where(t => !unread.ContainsKey(t.Hash))] };
        // A trial that trains writes its records as it goes; one that changed between the readings is read at the next poll.
        return Reading(() => Leaderboard.Of(folder, sound), problems);
    }

    private static List<BoardSweepTrial> Trials(BoardRoot root, string name, SweepState state, Leaderboard? board, Dictionary<string, string> unread, Dictionary<string, int> rungs)
    {
        var rows = new List<BoardSweepTrial>();
        var rank = 0;
        foreach (var t in board?.Trials ?? [])
        {
            var metric = BoardNumber.Of(t.Metric);
            var stopped = t.Status == RunStatus.EarlyTerminated.Name;
            rows.Add(new BoardSweepTrial(metric is null ? null : ++rank, t.Index, t.Hash, t.Values, t.Status, metric, metric is null ? null : t.BestEpoch,
                t.Epochs, t.TestAccuracy is { } test ? BoardNumber.Of(test) : null, stopped, stopped && rungs.TryGetValue(t.Hash, out var rung) ? rung : null,
                BoardRunFolder.FindTrial(root, name, t.Hash) is not null, null));
        }
        // Trials the leaderboard could not take: as sweep.json has them, with why.
        foreach (var t in state.Trials.Where(t => rows.All(r => r.Hash != t.Hash)).OrderBy(t => t.Index))
            rows.Add(new BoardSweepTrial(null, t.Index, t.Hash, t.Values, t.Status, null, null, null, null, false, null,
                !unread.ContainsKey(t.Hash) && BoardRunFolder.FindTrial(root, name, t.Hash) is not null, unread.GetValueOrDefault(t.Hash)));
        return rows;
    }

    // Why the trial's records may not be read (its folder or a record is a link out of the sweep or the runs folder), or null.
    private static string? WhyNotServed(BoardRoot root, SweepFolder folder, TrialState trial)
    {
        try
        {
            var run = new RunDirectory(folder.TrialRun(trial.Hash));
            return new[] { run.Path, run.SpecFile, run.SummaryFile, run.MetricsFile }.Select(root.Refuses).FirstOrDefault(why => why is not null);
        }
        catch (RunException error)
        {
            return error.Message;
        }
    }

    /// <summary>The rung each trial stopped at, by hash: the highest rung asha.json records it at (a trial records its value at every rung it reaches).</summary>
    private static Dictionary<string, int> StoppedAt(SweepFolder folder) => AshaRungs.Read(folder.RungFile)
            .SelectMany(rung => rung.Value.Keys.Select(trial => (Trial: trial, Rung: int.Parse(rung.Key, CultureInfo.InvariantCulture))))
            .GroupBy(r => r.Trial, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.Rung), StringComparer.Ordinal);

    // A trial is done when its run ended (a sweep does not start it again) or it failed its attempts.
    private static bool IsDone(string status) => TrialState.IsFinished(status) || status == TrialState.Failed;

    // A record that cannot be read leaves the rest of the page: its reader's message is listed instead.
    private static T? Reading<T>(Func<T?> read, List<string> problems) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is RunException or IOException or InvalidDataException)
        {
            problems.Add(error.Message);
            return null;
        }
    }
}
