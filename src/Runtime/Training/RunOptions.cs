namespace DeepDsl.Training;

/// <summary>Command-line overrides of a run: where runs go, epochs, device, a run folder to resume, and the ranks it trains on (null: this process alone).</summary>
public sealed record RunOptions(string RunsRoot = "runs", int? Epochs = null, string? Device = null, string? Resume = null,
    Distributed.DataParallel? Parallel = null);
