namespace DeepDsl.LearningRateSearch;

/// <summary>
/// The learning-rate range test: train one batch at each of exponentially growing rates, record the
/// loss, and suggest rates — the minimum ÷ 10 (the book's rule of thumb), the steepest descent and
/// fastai's valley. The caller's <c>trainOneBatchAt</c> runs a batch at a rate and returns its loss;
/// <c>restore</c> puts the initial weights back and is called exactly once, also on failure.
/// </summary>
public static class LearningRateFinder
{
    public static LrFinderResult Run(LrFinderSettings settings, int stepsPerEpoch, Func<double, double> trainOneBatchAt, Action restore)
    {
        try
        {
            var steps = Math.Max(2, settings.StepsFor(stepsPerEpoch));
            var factor = Math.Exp(Math.Log(settings.EndLr / settings.Start) / (steps - 1));
            var points = new List<(double, double, double)>();
            double average = 0, best = double.PositiveInfinity;
            string? stopped = null;
            for (var i = 0; i < steps; i++)
            {
                var lr = settings.Start * Math.Pow(factor, i);
                var loss = trainOneBatchAt(lr);
                if (!double.IsFinite(loss))
                {
                    stopped = $"the loss became {loss} at lr {lr:G3}";
                    break;
                }
                average = settings.Smoothing * average + (1 - settings.Smoothing) * loss;
                var smoothed = average / (1 - Math.Pow(settings.Smoothing, i + 1));
                points.Add((lr, loss, smoothed));
                best = Math.Min(best, smoothed);
                if (settings.Method == LrFinderMethod.Fastai && i > 0 && smoothed > settings.StopFactor * best)
                {
                    stopped = $"the smoothed loss exceeded {settings.StopFactor}× its best at lr {lr:G3}";
                    break;
                }
            }
            return Suggest(points, stopped, settings.StopFactor);
        }
        finally
        {
            restore();
        }
    }

    public static LrFinderResult Suggest(IReadOnlyList<(double Lr, double Loss, double Smoothed)> sweep, string? stopped, double stopFactor = 4)
    {
        // Only the sweep up to divergence counts: past it (the book's sweep goes on to lr 10) a saturated
        // network's loss can fall again, which would fool the valley and steepest-descent searches.
        var best = double.PositiveInfinity;
        var usable = sweep.TakeWhile(p => { best = Math.Min(best, p.Smoothed); return p.Smoothed <= stopFactor * best; }).ToList();
        var points = usable.Count >= 3 ? usable : sweep.ToList();
        if (points.Count < 3) throw new InvalidOperationException("the sweep diverged before it could suggest a rate: lower start_lr");
        var minimum = points.MinBy(p => p.Smoothed).Lr;
        // Steepest: the most negative slope of the smoothed loss against log10(lr), as fastai's "steep".
        // The first tenth of the sweep is skipped: the smoothed loss falls fast there while the average warms up.
        var steepest = Enumerable.Range(Math.Max(1, points.Count / 10), points.Count - Math.Max(1, points.Count / 10))
            .MinBy(i => (points[i].Smoothed - points[i - 1].Smoothed) / (Math.Log10(points[i].Lr) - Math.Log10(points[i - 1].Lr)));
        // Valley (fastai ≥ 2.4): the longest stretch over which the loss keeps falling; two thirds along it.
        var losses = points.Select(p => p.Smoothed).ToArray();
        var n = losses.Length;
        var length = Enumerable.Repeat(1, n).ToArray();
        var from = Enumerable.Range(0, n).ToArray();
        for (var i = 1; i < n; i++)
            for (var j = 0; j < i; j++)
                if (losses[i] < losses[j] && length[i] < length[j] + 1)
                {
                    length[i] = length[j] + 1;
                    from[i] = from[j];
                }
        var end = Array.IndexOf(length, length.Max());
        var start = from[end];
        var valley = start + (int)Math.Round((end - start) * 2.0 / 3);
        return new LrFinderResult(sweep, stopped, minimum, minimum / 10, points[steepest].Lr, points[valley].Lr);
    }
}
