using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

public sealed record ActivationLayer(string Name, string Path, ActivationSpec Activation) : LayerSpec(Name, Path), IActivated
{
    public override string Kind => "activation";

    public override ShapeResult Output(TensorShape input) => ShapeKeeping.Any(input);

    public override long Parameters(TensorShape input, TensorShape output) => ShapeKeeping.PerUnitWeights(Activation, input);
}
