using DeepDsl.Runs;

namespace DeepDsl.Sweeps;

/// <summary>
/// A sweep's results: every trial with the metric of the model it keeps (its summary's checkpoint epoch, <see cref="KeptEpoch"/>;
/// none before its first summary), ranked best first; and, when
/// the seed is swept, the trials grouped by their other values with mean ± std over seeds, so a difference can be read
/// against the spread.
/// </summary>
public sealed record Leaderboard(string Metric, bool Maximize, IReadOnlyList<TrialResult> Trials, IReadOnlyList<SeedGroup> Groups)
{
    /// <summary>The leaderboard of every trial of <paramref name="state"/>.</summary>
    /// <exception cref="RunException">A trial's records are damaged, or lead out of the sweep folder; the message names the file.</exception>
    public static Leaderboard Of(SweepFolder folder, SweepState state) => Of(folder, state, damaged: null);

    /// <summary>
    /// The leaderboard of the trials whose records can be read: a trial whose records are damaged, or lead out of the sweep
    /// folder, is left out and given to <paramref name="damaged"/> with its reader's message, so one bad trial does not hide
    /// the others (the board shows it beside them; a trial that trains writes its records as it goes and is read again at the next poll).
    /// </summary>
    public static Leaderboard Of(SweepFolder folder, SweepState state, Action<TrialState, string>? damaged)
    {
        var results = new List<TrialResult>();
        foreach (var trial in state.Trials)
        {
            try
            {
                results.Add(Result(folder, state, trial));
            }
            catch (Exception error) when (damaged is not null && error is RunException or IOException or InvalidDataException)
            {
                damaged(trial, error.Message);
            }
        }
        var ranked = results.OrderBy(r => double.IsNaN(r.Metric) ? 1 : 0).ThenBy(r => state.Maximize ? -r.Metric : r.Metric).ThenBy(r => r.Index).ToList();
        return new Leaderboard(state.Metric, state.Maximize, ranked, GroupBySeed(ranked, state.Maximize));
    }

    private static TrialResult Result(SweepFolder folder, SweepState state, TrialState trial)
    {
        var runFolder = folder.TrialRun(trial.Hash);
        if (!Directory.Exists(runFolder) || !File.Exists(Path.Combine(runFolder, RunDirectory.SpecFileName)))
            return new TrialResult(trial.Index, trial.Hash, trial.Values, double.NaN, 0, 0, 0, null, trial.Status);
        var run = RunDirectory.Open(runFolder);
        // Once a trial has a summary its records must agree (ReadRecords); before, it may have a first row of metrics only.
        var records = File.Exists(run.SummaryFile) ? run.ReadRecords() : null;
        var summary = records?.Summary;
        var metrics = records?.Metrics ?? run.ReadMetrics();
        // A trial is the model it keeps: the checkpoint's epoch (what early stopping restores and the test accuracy
        // measures), so the metric and the test accuracy beside it describe the same weights — the one "best" that
        // runs, compare and run print too, never another epoch of metrics.csv.
        var kept = summary is null ? null : KeptEpoch.Of(summary);
        var (metric, epoch) = kept is null ? (double.NaN, 0) : (kept[state.Metric], kept.Epoch);
        return new TrialResult(trial.Index, trial.Hash, trial.Values, metric, epoch, metrics.Count,
            metrics.Sum(m => m.Seconds), summary?.Test is { } test && test.TryGetValue("accuracy", out var accuracy) ? accuracy : null,
            summary?.Status ?? trial.Status);
    }

    private static IReadOnlyList<SeedGroup> GroupBySeed(IReadOnlyList<TrialResult> trials, bool maximize)
    {
        if (!trials.Any(t => t.Values.ContainsKey("seed"))) return [];
        return trials.Where(t => !double.IsNaN(t.Metric))
            .GroupBy(t => string.Join("\n", t.Values.Where(v => v.Key != "seed").Select(v => $"{v.Key}={v.Value}")))
            .Select(g =>
            {
                var values = g.Select(t => t.Metric).ToList();
                var mean = values.Average();
                var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
                return new SeedGroup(g.First().Values.Where(v => v.Key != "seed").ToDictionary(v => v.Key, v => v.Value), mean, std,
                    g.Select(t => (t.Values["seed"], t.Metric)).ToList());
            })
            .OrderBy(g => maximize ? -g.Mean : g.Mean).ToList();
    }
}
