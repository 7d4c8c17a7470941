using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// One value a parameter can take, as canonical flow YAML (`0.001`, `selu`, `{ adam: { learning_rate: 0.001 } }`), and
/// where it is written in the sweep (outside equality): a trial that breaks a rule is reported there.
/// </summary>
public sealed record SweepValue(string Yaml)
{
    public SourceLocation Location { get; init; } = SourceLocation.StartOf("");

    public bool Equals(SweepValue? other) => other is not null && Yaml == other.Yaml;

    public override int GetHashCode() => Yaml.GetHashCode();

    public override string ToString() => Yaml;
}
