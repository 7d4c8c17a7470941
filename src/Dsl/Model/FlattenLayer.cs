using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

public sealed record FlattenLayer(string Name, string Path) : LayerSpec(Name, Path), IReshaping
{
    public override string Kind => "flatten";

    public override ShapeResult Output(TensorShape input) => ShapeResult.Of(input.Elements);
}
