using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

public sealed record DenseLayer(string Name, string Path, long Units, ActivationSpec Activation, InitializerSpec KernelInit, InitializerSpec BiasInit,
    bool UseBias, double L1, double L2, double? MaxNorm) : LayerSpec(Name, Path), IHasKernel, IActivated
{
    public override string Kind => "dense";

    public override ShapeResult Output(TensorShape input) =>
        input.Rank == 1 ? ShapeResult.Of(Units)
            : ShapeResult.Fail($"'{Name}' (dense) needs a vector but gets {input}: add '- flatten' before it" +
                (input.IsImage ? " (or a global_avg_pool2d)" : ""));

    public override long Parameters(TensorShape input, TensorShape output) =>
        checked(input[0] * Units + (UseBias ? Units : 0) + ShapeKeeping.PerUnitWeights(Activation, output));
}
