using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>Each channel's mean over the whole image: [channels, height, width] → [channels].</summary>
public sealed record GlobalAvgPool2dLayer(string Name, string Path) : LayerSpec(Name, Path), IReshaping
{
    public override string Kind => "global_avg_pool2d";

    public override ShapeResult Output(TensorShape input) =>
        input.IsImage ? ShapeResult.Of(input[0]) : ShapeKeeping.Image(this, input, "averages");
}
