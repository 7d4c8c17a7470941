using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

public sealed record DropoutLayer(string Name, string Path, double Rate) : LayerSpec(Name, Path), IDropout
{
    public override string Kind => "dropout";

    public bool KeepsSelfNormalization => false;

    public override ShapeResult Output(TensorShape input) => ShapeKeeping.Any(input);
}
