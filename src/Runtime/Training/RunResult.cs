using DeepDsl.Runs;

namespace DeepDsl.Training;

/// <summary>Where a finished (or stopped) run is, and its summary.</summary>
public sealed record RunResult(RunDirectory Directory, RunSummary Summary);
