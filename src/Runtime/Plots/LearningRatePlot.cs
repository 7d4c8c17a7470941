using DeepDsl.LearningRateSearch;

namespace DeepDsl.Plots;

/// <summary>
/// The learning-rate sweep's plot: loss against rate (log), read the way fastai draws it. The first
/// batches (noise before the optimizer settles) and everything past the point where the smoothed loss
/// passes four times its best are left out, and the y-axis spans the smoothed loss from its minimum to
/// where the sweep started, so a late divergence spike cannot flatten the part one reads (lines above
/// it are cut at the frame). Each suggestion is a marker labelled with its value.
/// </summary>
public static class LearningRatePlot
{
    private const int SkipStart = 5;

    public static string Render(string name, LrFinderResult result) => Figure.Compose(Chart(name, result));

    /// <summary>The plot's one chart.</summary>
    public static LineChart Chart(string name, LrFinderResult result)
    {
        var best = double.PositiveInfinity;
        var kept = result.Points.TakeWhile(p => { best = Math.Min(best, p.Smoothed); return p.Smoothed <= 4 * best; }).ToList();
        var shown = kept.Count > 4 * SkipStart ? kept.Skip(SkipStart).ToList() : kept;
        return new LineChart($"{name}: learning-rate sweep", "learning rate (log)", "loss",
            [new Series("batch loss", shown.Select(p => (p.Lr, p.Loss)).ToList(), SeriesKind.DashedLine), new Series("smoothed", shown.Select(p => (p.Lr, p.Smoothed)).ToList())],
            LogX: true, YRange: InformativeRange(shown.Select(p => p.Smoothed).ToList()),
            Markers: [(result.MinimumOverTen, $"min/10 = {R(result.MinimumOverTen)}"), (result.Valley, $"valley = {R(result.Valley)}"),
                (result.Steepest, $"steepest = {R(result.Steepest)}"), (result.Minimum, $"minimum = {R(result.Minimum)}")]);
    }

    /// <summary>From the smoothed minimum to the highest smoothed loss before it (the start of the sweep), with a margin.</summary>
    public static (double Min, double Max)? InformativeRange(IReadOnlyList<double> smoothed)
    {
        var finite = smoothed.Where(double.IsFinite).ToList();
        if (finite.Count < 2) return null;
        var lowest = finite.IndexOf(finite.Min());
        var top = finite.Take(lowest + 1).Max();
        var low = finite[lowest];
        if (top - low < 1e-12) return null;
        var margin = 0.08 * (top - low);
        return (low - margin, top + margin);
    }

    private static string R(double v) => NumberFormat.Of(v, 3);
}
