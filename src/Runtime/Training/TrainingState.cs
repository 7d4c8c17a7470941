using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Schedules;

namespace DeepDsl.Training;

/// <summary>What callbacks see of a run in progress, and how they ask it to stop.</summary>
public sealed class TrainingState(Module model, Optimizer optimizer, ILearningRateSchedule? schedule, int epochs, int stepsPerEpoch)
{
    public Module Model { get; } = model;
    public Optimizer Optimizer { get; } = optimizer;
    public ILearningRateSchedule? Schedule { get; } = schedule;
    public int Epochs { get; } = epochs;
    public int StepsPerEpoch { get; } = stepsPerEpoch;

    /// <summary>The epoch being trained, 0-based (reported 1-based, as Keras does).</summary>
    public int Epoch { get; internal set; }

    /// <summary>Optimizer steps taken over the whole run.</summary>
    public long GlobalStep { get; internal set; }

    public List<EpochMetrics> History { get; } = [];

    public bool StopRequested { get; private set; }

    /// <summary>Why training stopped before its last epoch (early stopping, NaN loss, interrupted), or null.</summary>
    public string? StopReason { get; private set; }

    /// <summary>How the run ended: completed unless a callback or the trainer stopped it (early_stopped, early_terminated, diverged, interrupted).</summary>
    public TrainingStatus Status { get; private set; } = TrainingStatus.Completed;

    public void RequestStop(TrainingStatus status, string reason)
    {
        if (StopRequested) return;
        StopRequested = true;
        Status = status;
        StopReason = reason;
    }
}
