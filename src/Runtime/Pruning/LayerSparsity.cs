namespace DeepDsl.Pruning;

/// <summary>How many of a weight's elements are zero.</summary>
public sealed record LayerSparsity(string Name, long Elements, long Zeros)
{
    public double Sparsity => Elements == 0 ? 0 : (double)Zeros / Elements;
}
