namespace DeepDsl.Experiments;

/// <summary>The training loop's settings, as resolved from the spec; <paramref name="TensorBoard"/>: the run also writes TensorBoard event files.</summary>
public sealed record TrainingSettings(
    LossKind Loss,
    int BatchSize,
    int Epochs,
    bool Shuffle = true,
    string Device = "auto",
    EarlyStoppingSettings? EarlyStopping = null,
    CheckpointSettings? Checkpoint = null,
    bool TensorBoard = false);
