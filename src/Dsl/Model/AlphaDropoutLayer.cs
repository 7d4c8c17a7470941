using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

public sealed record AlphaDropoutLayer(string Name, string Path, double Rate) : LayerSpec(Name, Path), IDropout
{
    public override string Kind => "alpha_dropout";

    public bool KeepsSelfNormalization => true;

    public override ShapeResult Output(TensorShape input) => ShapeKeeping.Any(input);
}
