namespace DeepDsl.Sweeps;

/// <summary>An sbatch option for every task of a sweep's job array: <c>#SBATCH --Name</c>, or <c>#SBATCH --Name=Value</c> (<see cref="SbatchDirective"/> checks both).</summary>
public sealed record SbatchOption(string Name, string? Value = null);
