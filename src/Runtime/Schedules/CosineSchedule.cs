namespace DeepDsl.Schedules;

/// <summary>Keras's CosineDecay: lr₀ · ((1 − α) · ½(1 + cos(π · min(t, T)/T)) + α).</summary>
public sealed record CosineSchedule(double InitialLearningRate, double DecaySteps, double Alpha, ScheduleClock Clock) : ILearningRateSchedule
{
    public double LearningRateAt(long step)
    {
        var progress = Math.Min(Clock.Time(step), DecaySteps) / DecaySteps;
        return InitialLearningRate * ((1 - Alpha) * 0.5 * (1 + Math.Cos(Math.PI * progress)) + Alpha);
    }
}
