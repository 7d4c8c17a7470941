using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>What a parameter takes: a list of values (grid, or a uniform choice in random search) or a distribution (random only).</summary>
public abstract record SweepDomain
{
    /// <summary>The listed values, or a choice: every value for grid search.</summary>
    public sealed record Values(EquatableArray<SweepValue> Items) : SweepDomain;

    /// <summary>A real number drawn uniformly (or log-uniformly) from [Low, High], or an integer uniformly from Low..High inclusive.</summary>
    public sealed record Range(string Kind, double Low, double High) : SweepDomain
    {
        public const string Uniform = "uniform", LogUniform = "log_uniform", IntUniform = "int_uniform";
    }
}
