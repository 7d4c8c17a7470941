namespace DeepDsl.Dsl.Registry;

/// <summary>How a variance-scaling initializer draws: its normal and uniform versions are counterparts.</summary>
public enum InitializerDistribution
{
    None,
    TruncatedNormal,
    Uniform,
}
