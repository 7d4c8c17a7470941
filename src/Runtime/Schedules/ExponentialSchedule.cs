namespace DeepDsl.Schedules;

/// <summary>Keras's ExponentialDecay: lr₀ · rate^(t / decay_steps), with t in steps or epochs; staircase floors the exponent.</summary>
public sealed record ExponentialSchedule(double InitialLearningRate, double DecayRate, double DecaySteps, bool Staircase, ScheduleClock Clock) : ILearningRateSchedule
{
    public double LearningRateAt(long step)
    {
        var exponent = Clock.Time(step) / DecaySteps;
        return InitialLearningRate * Math.Pow(DecayRate, Staircase ? Math.Floor(exponent) : exponent);
    }
}
