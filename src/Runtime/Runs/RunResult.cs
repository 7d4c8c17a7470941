namespace DeepDsl.Runs;

/// <summary>Where a finished (or stopped) run is, and its summary.</summary>
public sealed record RunResult(RunDirectory Directory, RunSummary Summary);
