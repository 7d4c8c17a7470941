namespace DeepDsl.Schedules;

/// <summary>Whether a schedule's time counts optimizer steps or whole epochs (epoch-unit schedules change only at epoch boundaries).</summary>
public enum ScheduleUnit { Step, Epoch }
