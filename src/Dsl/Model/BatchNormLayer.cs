namespace DeepDsl.Dsl.Model;

/// <summary>Batch normalization with Keras's momentum (0.99 means running statistics move 1% per batch).</summary>
public sealed record BatchNormLayer(string Name, string Path, double Momentum, double Epsilon) : LayerSpec(Name, Path)
{
    public override string Kind => "batch_norm";
}
