namespace DeepDsl.Training;

/// <summary>
/// Everything besides tensors that a resumed run needs, stored as JSON in the last checkpoint's
/// metadata: where training stopped, the monitors' bests, early-stopping patience, schedule state.
/// </summary>
public sealed record TrainerCheckpointState(
    int EpochsDone,
    long GlobalStep,
    double CheckpointBest,
    int CheckpointBestEpoch,
    double EarlyStoppingBest,
    int EarlyStoppingBestEpoch,
    int EarlyStoppingWait,
    IReadOnlyDictionary<string, double> ScheduleState,
    double WallSecondsBefore)
{
    /// <summary>What makes this state unusable (a crafted or damaged checkpoint), or null when it is sound.</summary>
    public string? Problem()
    {
        if (EpochsDone < 1) return $"epochs_done is {EpochsDone}; a checkpoint is written after an epoch, so at least 1";
        if (GlobalStep < 0) return $"global_step is {GlobalStep}, below 0";
        if (CheckpointBestEpoch < -1 || CheckpointBestEpoch > EpochsDone) return $"checkpoint_best_epoch is {CheckpointBestEpoch}, outside -1..{EpochsDone}";
        if (EarlyStoppingBestEpoch < -1 || EarlyStoppingBestEpoch > EpochsDone) return $"early_stopping_best_epoch is {EarlyStoppingBestEpoch}, outside -1..{EpochsDone}";
        if (EarlyStoppingWait < 0 || EarlyStoppingWait > EpochsDone) return $"early_stopping_wait is {EarlyStoppingWait}, outside 0..{EpochsDone}";
        if (!double.IsFinite(WallSecondsBefore) || WallSecondsBefore < 0) return $"wall_seconds_before is {WallSecondsBefore}, not a finite number ≥ 0";
        if (ScheduleState is null) return "schedule_state is missing";
        foreach (var (key, value) in ScheduleState)
        {
            // Rates must be usable; a monitor's best may be ±∞ before its first epoch, never NaN; counters are ≥ 0.
            var isRate = key == "rate" || key.Contains("lr", StringComparison.OrdinalIgnoreCase);
            if (double.IsNaN(value) || isRate && !(double.IsFinite(value) && value > 0) || key is "wait" or "cooldown" && !(value >= 0))
                return $"schedule_state.{key} is {value}, which no schedule can hold";
        }
        return null;
    }
}
