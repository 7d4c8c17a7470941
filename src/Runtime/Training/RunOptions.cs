namespace DeepDsl.Training;

/// <summary>Command-line overrides of a run: where runs go, epochs, device, and a run folder to resume.</summary>
public sealed record RunOptions(string RunsRoot = "runs", int? Epochs = null, string? Device = null, string? Resume = null);
