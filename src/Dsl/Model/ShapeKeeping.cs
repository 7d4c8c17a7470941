using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>Shapes a layer needs to hold which it does not change: activations and dropouts apply to any shape.</summary>
internal static class ShapeKeeping
{
    public static ShapeResult Any(TensorShape input) => ShapeResult.Of(input);

    /// <summary>A learned activation (PReLU) has one weight per unit of a vector, per channel of an image.</summary>
    public static long PerUnitWeights(ActivationSpec activation, TensorShape shape) =>
        activation.Declaration.PerUnit ? shape[0] : 0;

    public static ShapeResult Image(LayerSpec layer, TensorShape input, string what) =>
        input.IsImage ? ShapeResult.Of(input)
            : ShapeResult.Fail($"'{layer.Name}' ({layer.Kind}) {what} images of shape [channels, height, width] but gets {input}");
}
