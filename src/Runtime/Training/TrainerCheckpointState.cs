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
    double WallSecondsBefore);
