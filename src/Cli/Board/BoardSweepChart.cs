using System.Globalization;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The sweep's metric against one swept parameter, one point per trial that has a value of the metric. Numbers lie on a
/// linear axis, or a log axis when they span more than two decades (a rate drawn log-uniformly does); anything else
/// (activations, layer lists, true/false) is a category, evenly spaced in order of first appearance and labelled with its value.
/// The axis is chosen from every trial's value, not only the finished ones', so it does not change kind while the sweep runs.
/// </summary>
internal sealed record BoardSweepChart(string Parameter, string Scale, IReadOnlyList<string> Categories, IReadOnlyList<BoardSweepPoint> Points)
{
    public const string Linear = "linear", Log = "log", Category = "category";

    /// <summary>The ratio of largest to smallest value above which the axis is logarithmic: two decades.</summary>
    public const double LogSpan = 100;

    public static BoardSweepChart Of(string parameter, IReadOnlyList<BoardSweepTrial> trials)
    {
        var valued = trials.Where(t => t.Values.ContainsKey(parameter)).OrderBy(t => t.Index).ToList();
        var shown = valued.Where(t => t.Metric is not null).ToList();
        var numbers = valued.Select(t => Number(t.Values[parameter])).ToList();
        if (valued.Count > 0 && numbers.All(n => n is not null))
        {
            var (low, high) = (numbers.Min()!.Value, numbers.Max()!.Value);
            return new(parameter, low > 0 && high / low > LogSpan ? Log : Linear, [], Place(shown, t => Number(t.Values[parameter])!.Value));
        }
        var categories = valued.Select(t => t.Values[parameter]).Distinct().ToList();
        return new(parameter, Category, categories, Place(shown, t => categories.IndexOf(t.Values[parameter])));
    }

    // Ordered along the axis, as the chart library needs its x values.
    private static BoardSweepPoint[] Place(IEnumerable<BoardSweepTrial> trials, Func<BoardSweepTrial, double> x) =>
        [.. trials.Select(t => new BoardSweepPoint(t.Index, x(t), t.Metric!.Value, t.StoppedByAsha)).OrderBy(p => p.X).ThenBy(p => p.Trial)];

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
