namespace DeepDsl.Schedules;

/// <summary>Keras's PiecewiseConstantDecay: values[0] while t ≤ boundaries[0], values[i] while boundaries[i−1] &lt; t ≤ boundaries[i], the last value after.</summary>
public sealed record PiecewiseSchedule(IReadOnlyList<double> Boundaries, IReadOnlyList<double> Values, ScheduleClock Clock) : ILearningRateSchedule
{
    public double LearningRateAt(long step)
    {
        var t = Clock.Time(step);
        for (var i = 0; i < Boundaries.Count; i++)
            if (t <= Boundaries[i]) return Values[i];
        return Values[^1];
    }
}
