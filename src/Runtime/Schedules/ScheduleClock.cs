namespace DeepDsl.Schedules;

/// <summary>Converts a global step into the schedule's time: the step itself, or the number of finished epochs.</summary>
public readonly record struct ScheduleClock(ScheduleUnit Unit, int StepsPerEpoch)
{
    public double Time(long step) => Unit == ScheduleUnit.Step ? step : step / Math.Max(1, StepsPerEpoch);
}
