using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// The end of a `residual:` block (ResNet): the <paramref name="BodyLength"/> layers before it in the expanded list are its
/// body, and here the block's input is added to the body's output — through a projection when their shapes differ
/// (a 1×1 convolution with the stride that matches the sizes, see <see cref="ProjectionStride"/>, or a dense layer for vectors), then the activation.
/// <paramref name="Projection"/>: one of <see cref="Shapes.Projection"/>.
/// </summary>
public sealed record ResidualLayer(string Name, string Path, int BodyLength, string Projection, ActivationSpec Activation, InitializerSpec ProjectionInit)
    : LayerSpec(Name, Path), IActivated
{
    public override string Kind => "residual";

    /// <summary>A residual block's output is its body's: <see cref="Join"/> checks that the input can be added to it.</summary>
    public override ShapeResult Output(TensorShape input) => ShapeResult.Of(input);

    /// <summary>Whether the block adds its input through a projection, given the two shapes (null when it cannot be added at all).</summary>
    public ShapeResult Join(TensorShape blockInput, TensorShape bodyOutput)
    {
        var same = blockInput.Equals(bodyOutput);
        if (Projection == Shapes.Projection.None)
            return same ? ShapeResult.Of(bodyOutput)
                : ShapeResult.Fail($"'{Name}' (residual) adds its input {blockInput} to its body's output {bodyOutput}: the shapes differ, so the block needs a projection (projection: auto)");
        if (blockInput.Rank != bodyOutput.Rank || blockInput.Rank is not (1 or 3))
            return ShapeResult.Fail($"'{Name}' (residual) cannot project its input {blockInput} onto its body's output {bodyOutput}");
        if (blockInput.IsImage && ProjectionStride(blockInput, bodyOutput) is null)
            return ShapeResult.Fail($"'{Name}' (residual) cannot project its {blockInput[1]}×{blockInput[2]} input onto the body's {bodyOutput[1]}×{bodyOutput[2]} output with one strided 1×1 convolution (no stride per axis gives those sizes)");
        return ShapeResult.Of(bodyOutput);
    }

    /// <summary>Whether a projection runs for these shapes.</summary>
    public bool Projects(TensorShape blockInput, TensorShape bodyOutput) =>
        Projection == Shapes.Projection.Always || Projection == Shapes.Projection.Auto && !blockInput.Equals(bodyOutput);

    /// <summary>
    /// The stride of the 1×1 projection, or null when none maps the input's sizes onto the body's: the smallest stride
    /// that fits both axes when one does, else per axis the smallest that fits it.
    /// </summary>
    /// <remarks>
    /// One stride first, because that is what every spec written before rectangular windows got (a 5×7 input onto 2×2 is
    /// stride 4, not 3×4): their projections, whose hashes did not change, must not change either. Per axis only where no
    /// single stride fits, as for a body that strides its rows and columns differently (strides: [2, 1]).
    /// </remarks>
    public static Size2d? ProjectionStride(TensorShape blockInput, TensorShape bodyOutput)
    {
        if (AxisStrides(blockInput[1], bodyOutput[1]) is not { } rows || AxisStrides(blockInput[2], bodyOutput[2]) is not { } columns) return null;
        var common = System.Math.Max(rows.Low, columns.Low);
        return common <= System.Math.Min(rows.High, columns.High) ? Size2d.Square(common) : new Size2d(rows.Low, columns.Low);
    }

    // A 1×1 window with stride s gives (in − 1) / s + 1 outputs: the strides giving `output` form one range.
    private static (long Low, long High)? AxisStrides(long input, long output)
    {
        if (output > input || output < 1) return null;
        var low = output == 1 ? input : (input - 1) / output + 1;
        var high = output == 1 ? long.MaxValue : (input - 1) / (output - 1);
        return low <= high ? (low, high) : null;
    }

    /// <summary>The projection's weights and bias, when it runs.</summary>
    public long Parameters(TensorShape blockInput, TensorShape bodyOutput, TensorShape output) =>
        checked((Projects(blockInput, bodyOutput) ? blockInput[0] * bodyOutput[0] + bodyOutput[0] : 0) + ShapeKeeping.PerUnitWeights(Activation, output));
}
