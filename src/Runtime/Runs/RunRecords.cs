using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>A run's summary and its metrics, read through their doors and checked against each other (<see cref="RunDirectory.ReadRecords"/>).</summary>
public sealed record RunRecords(RunSummary Summary, IReadOnlyList<EpochMetrics> Metrics);
