using DeepDsl.Dsl.Binding;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// A resolved experiment: immutable and compared by value. <see cref="Sources"/> tells where every
/// value came from (file and span, also higher in the extends chain) and is left out of equality,
/// so moving a line does not change the experiment; <see cref="ContentHash"/> identifies it.
/// </summary>
public sealed record ExperimentSpec(long Version, string Name, string Description, long Seed, DataSpec Data, ModelSpec Model, TrainingSpec Training,
    EvaluationSpec Evaluation, LrFinderSpec LrFinder, PruningSpec? Pruning, string CanonicalYaml, string ContentHash)
{
    /// <summary>Where each value came from, by key path (not part of equality).</summary>
    public SourceMap Sources { get; init; } = SourceMap.Empty;

    /// <summary>The bound value tree the spec was built from (not part of equality), for the semantic diff.</summary>
    public BObject? Tree { get; init; }

    /// <summary>The file's `sweep:` section, if any (not part of equality or the hash: a trial is the spec without it).</summary>
    public Sweeps.SweepSpec? Sweep { get; init; }

    public bool Equals(ExperimentSpec? other) =>
        other is not null && Version == other.Version && Name == other.Name && Description == other.Description && Seed == other.Seed &&
        Data == other.Data && Model == other.Model && Training == other.Training && Evaluation == other.Evaluation &&
        LrFinder == other.LrFinder && Pruning == other.Pruning && ContentHash == other.ContentHash;

    public override int GetHashCode() => ContentHash.GetHashCode();
}
