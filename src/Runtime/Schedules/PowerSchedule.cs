namespace DeepDsl.Schedules;

/// <summary>The book's power scheduling: lr₀ / (1 + t/s)^c.</summary>
public sealed record PowerSchedule(double InitialLearningRate, double DecaySteps, double Power, ScheduleClock Clock) : ILearningRateSchedule
{
    public double LearningRateAt(long step) => InitialLearningRate / Math.Pow(1 + Clock.Time(step) / DecaySteps, Power);
}
