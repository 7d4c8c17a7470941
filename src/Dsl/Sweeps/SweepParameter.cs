using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// One swept setting: where it goes in the spec (<see cref="Path"/>, as written) and what it takes. Compared by value;
/// the location of its key is kept for diagnostics outside equality.
/// </summary>
public sealed record SweepParameter(string Path, ParameterPath Target, SweepDomain Domain)
{
    public SourceLocation KeyLocation { get; init; } = SourceLocation.StartOf("");

    public bool Equals(SweepParameter? other) => other is not null && Path == other.Path && Domain.Equals(other.Domain);

    public override int GetHashCode() => Path.GetHashCode();
}
