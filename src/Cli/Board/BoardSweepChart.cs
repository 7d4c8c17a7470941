using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The sweep's metric against one swept parameter, one point per trial that has a value of the metric, on the axis
/// `sweep report` draws it on (<see cref="SweepAxis"/>: linear, log from a decade, or categories with their labels).
/// </summary>
internal sealed record BoardSweepChart(string Parameter, string Scale, IReadOnlyList<string> Categories, IReadOnlyList<string> Labels, IReadOnlyList<BoardSweepPoint> Points)
{
    public const string Linear = SweepAxis.Linear, Log = SweepAxis.Log, Category = SweepAxis.Category;

    public static BoardSweepChart Of(string parameter, IReadOnlyList<BoardSweepTrial> trials)
    {
        var valued = trials.Where(t => t.Values.ContainsKey(parameter)).OrderBy(t => t.Index).ToList();
        var axis = SweepAxis.Of([.. valued.Select(t => t.Values[parameter])]);
        // Ordered along the axis, as the chart library needs its x values.
        var points = valued.Where(t => t.Metric is not null)
            .Select(t => new BoardSweepPoint(t.Index, axis.X(t.Values[parameter]), t.Metric!.Value, t.StoppedByAsha)).OrderBy(p => p.X).ThenBy(p => p.Trial);
        return new(parameter, axis.Scale, axis.Categories, axis.Labels, [.. points]);
    }
}
