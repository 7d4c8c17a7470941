namespace DeepDsl.Runs;

/// <summary>
/// Command-line overrides of a run: where runs go, epochs, device, a run folder to resume, the exact run folder to use
/// (a sweep's trial: created if new, resumed from its last checkpoint if it has one), the ranks it trains on (null: this process alone),
/// CPU threads for its math (null: <see cref="Torch.CpuThreads.Default"/>), layers' output statistics, and TensorBoard event files
/// (`--tensorboard`, besides the spec's training.tensorboard).
/// </summary>
public sealed record RunOptions(string RunsRoot = "runs", int? Epochs = null, string? Device = null, string? Resume = null, string? RunFolder = null,
    Distributed.DataParallel? Parallel = null, int? Threads = null, int? ActivationSamples = null, bool TensorBoard = false);
