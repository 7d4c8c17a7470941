using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// One trial of a sweep: its index (stable: the order of the grid, or of the seeded draws), the values it sets, and the
/// resolved spec they give — validated like any spec, with its own content hash, its identity across re-runs.
/// </summary>
public sealed record SweepTrial(int Index, EquatableArray<TrialAssignment> Assignments, ExperimentSpec Spec)
{
    public string Describe() => string.Join(", ", Assignments);
}
