namespace DeepDsl.Schedules;

/// <summary>
/// 1cycle over <c>TotalSteps</c> optimizer steps.
/// Book (default), as the book's OneCycleScheduler: with last = n//10 + 1 steps and half = (n − last)//2,
/// the rate rises linearly from start (max/10) to max over [0, half), falls back to start over
/// [half, 2·half), then falls linearly to last_lr (start/1000 = max/10,000) by step n.
/// Fastai, as fit_one_cycle: over the first pct_start of the steps, cosine from max/div (div 25) to max,
/// then cosine down to max/div_final (1e5); momentum cosine-cycles max → base → max.
/// </summary>
public sealed record OneCycleSchedule(OneCycleVariant Variant, long TotalSteps, double MaxLr, double? StartLr = null, double? LastLr = null,
    double PctStart = 0.25, bool? CycleMomentum = null, double MaxMomentum = 0.95, double BaseMomentum = 0.85) : ILearningRateSchedule
{
    public double Start => StartLr ?? (Variant == OneCycleVariant.Book ? MaxLr / 10 : MaxLr / 25);

    public double Last => LastLr ?? (Variant == OneCycleVariant.Book ? Start / 1000 : MaxLr / 1e5);

    /// <summary>Book: the steps of the final decline (n//10 + 1).</summary>
    public long LastSteps => TotalSteps / 10 + 1;

    /// <summary>Book: the length of the rise (and of the fall back to the start rate).</summary>
    public long HalfSteps => (TotalSteps - LastSteps) / 2;

    /// <summary>Fastai: the step at which the rate peaks.</summary>
    public double PeakStep => PctStart * TotalSteps;

    public double LearningRateAt(long step)
    {
        if (Variant == OneCycleVariant.Fastai)
        {
            return step < PeakStep
                ? Cosine(Start, MaxLr, step / Math.Max(1e-12, PeakStep))
                : Cosine(MaxLr, Last, (step - PeakStep) / Math.Max(1e-12, TotalSteps - PeakStep));
        }
        if (step < HalfSteps) return Interpolate(step, 0, HalfSteps, Start, MaxLr);
        if (step < 2 * HalfSteps) return Interpolate(step, HalfSteps, 2 * HalfSteps, MaxLr, Start);
        return Interpolate(Math.Min(step, TotalSteps), 2 * HalfSteps, TotalSteps, Start, Last);
    }

    public double? MomentumAt(long step)
    {
        if (!(CycleMomentum ?? Variant == OneCycleVariant.Fastai)) return null;
        if (Variant == OneCycleVariant.Fastai)
        {
            return step < PeakStep
                ? Cosine(MaxMomentum, BaseMomentum, step / Math.Max(1e-12, PeakStep))
                : Cosine(BaseMomentum, MaxMomentum, (step - PeakStep) / Math.Max(1e-12, TotalSteps - PeakStep));
        }
        if (step < HalfSteps) return Interpolate(step, 0, HalfSteps, MaxMomentum, BaseMomentum);
        if (step < 2 * HalfSteps) return Interpolate(step, HalfSteps, 2 * HalfSteps, BaseMomentum, MaxMomentum);
        return MaxMomentum;
    }

    private static double Interpolate(double step, double from, double to, double a, double b) =>
        to <= from ? b : a + (b - a) * (step - from) / (to - from);

    // fastai's sched_cos: start + (1 + cos(π(1 − pos))) · (end − start) / 2.
    private static double Cosine(double start, double end, double position) =>
        start + (1 + Math.Cos(Math.PI * (1 - Math.Min(1, Math.Max(0, position))))) * (end - start) / 2;
}
