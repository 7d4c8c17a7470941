using DeepDsl.Schedules;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// Everything besides tensors that a resumed run needs, stored as JSON in the last checkpoint's metadata: where training
/// stopped, the schedule's state, the wall time so far, and each stateful callback's own state under its key
/// (<see cref="IStatefulCallback"/>: the checkpoint monitor, early stopping, a user's callback).
/// </summary>
public sealed record TrainerCheckpointState(
    int EpochsDone,
    long GlobalStep,
    IReadOnlyDictionary<string, double> ScheduleState,
    double WallSecondsBefore,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Callbacks)
{
    /// <summary>What makes this state unusable whatever the run (a crafted or damaged checkpoint), or null when it is sound.</summary>
    public string? Problem()
    {
        if (EpochsDone < 1) return $"epochs_done is {EpochsDone}; a checkpoint is written after an epoch, so at least 1";
        if (GlobalStep < 0) return $"global_step is {GlobalStep}, below 0";
        if (!double.IsFinite(WallSecondsBefore) || WallSecondsBefore < 0) return $"wall_seconds_before is {WallSecondsBefore}, not a finite number ≥ 0";
        if (ScheduleState is null) return "schedule_state is missing";
        if (Callbacks is null || Callbacks.Values.Any(state => state is null)) return "callbacks is missing";
        return null;
    }

    /// <summary>
    /// What makes this state unusable for the run that resumes from it, or null: the values its schedule declares as
    /// rates and counters, and each callback's own check of its state. A state no callback of this run claims is left
    /// alone (a rank that records nothing has no checkpoint monitor).
    /// </summary>
    public string? Problem(ILearningRateSchedule? schedule, IEnumerable<IStatefulCallback> callbacks)
    {
        if (schedule is not null && ScheduleProblem(schedule) is { } scheduleProblem) return "schedule_state." + scheduleProblem;
        foreach (var callback in callbacks)
        {
            if (!Callbacks.TryGetValue(callback.StateKey, out var state))
                return $"callbacks.{callback.StateKey} is missing (a callback added since the run started cannot resume it: resume without it, or start a new run)";
            if (callback.StateProblem(state, EpochsDone) is { } problem) return $"callbacks.{callback.StateKey}.{problem}";
        }
        return null;
    }

    private string? ScheduleProblem(ILearningRateSchedule schedule) =>
        schedule.State.Keys.Select(key =>
                schedule.RateKeys.Contains(key) ? StateCheck.Rate(ScheduleState, key)
                : schedule.CounterKeys.Contains(key) ? StateCheck.Whole(ScheduleState, key, 0, int.MaxValue)
                : StateCheck.Number(ScheduleState, key))
            .FirstOrDefault(problem => problem is not null);
}
