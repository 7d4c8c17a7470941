namespace DeepDsl.Dsl.Model;

public sealed record TrainingSpec(string Loss, OptimizerSpec Optimizer, long BatchSize, long Epochs, bool Shuffle, string Device,
    ScheduleSpec? Schedule, EarlyStoppingSpec? EarlyStopping, CheckpointSpec Checkpoint)
{
    /// <summary>training.tensorboard: write TensorBoard event files into the run folder.</summary>
    public bool TensorBoard { get; init; }
}
