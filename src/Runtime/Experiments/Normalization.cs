namespace DeepDsl.Experiments;

/// <summary>Per-channel normalization: with statistics computed on the training split, or with the given ones.</summary>
public sealed record Normalization(double[]? Mean, double[]? Std)
{
    public static Normalization Computed { get; } = new(null, null);

    public static Normalization Given(double[] mean, double[] std) => new(mean, std);

    public bool IsComputed => Mean is null;
}
