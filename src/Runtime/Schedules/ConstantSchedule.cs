namespace DeepDsl.Schedules;

/// <summary>The same rate at every step.</summary>
public sealed record ConstantSchedule(double LearningRate) : ILearningRateSchedule
{
    public double LearningRateAt(long step) => LearningRate;
}
