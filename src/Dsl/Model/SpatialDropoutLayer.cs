using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>Dropout of whole channels (Keras's SpatialDropout2D): neighbouring pixels are correlated, so single ones carry little.</summary>
public sealed record SpatialDropoutLayer(string Name, string Path, double Rate) : LayerSpec(Name, Path), IDropout
{
    public override string Kind => "spatial_dropout";

    public bool KeepsSelfNormalization => false;

    public override ShapeResult Output(TensorShape input) => ShapeKeeping.Image(this, input, "drops channels of");
}
