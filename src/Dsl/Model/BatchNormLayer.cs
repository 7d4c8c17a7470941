using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>Batch normalization with Keras's momentum (0.99 means running statistics move 1% per batch).</summary>
public sealed record BatchNormLayer(string Name, string Path, double Momentum, double Epsilon) : LayerSpec(Name, Path)
{
    public override string Kind => "batch_norm";

    /// <summary>Per feature of a vector (BatchNorm1d), per channel of an image (BatchNorm2d).</summary>
    public override ShapeResult Output(TensorShape input) =>
        input.Rank is 1 or 3 ? ShapeResult.Of(input)
            : ShapeResult.Fail($"'{Name}' (batch_norm) normalizes vectors or images [channels, height, width], not {input}");

    public override long Parameters(TensorShape input, TensorShape output) => checked(2 * input[0]);
}
