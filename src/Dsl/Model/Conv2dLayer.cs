using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// A 2-D convolution over images [channels, height, width] with a square kernel: <paramref name="Filters"/> output channels,
/// stride, padding (valid or TensorFlow's same), dilation and groups as in Keras's Conv2D.
/// </summary>
public sealed record Conv2dLayer(string Name, string Path, long Filters, long KernelSize, long Stride, string Padding, long Dilation, long Groups,
    ActivationSpec Activation, InitializerSpec KernelInit, InitializerSpec BiasInit, bool UseBias, double L1, double L2)
    : LayerSpec(Name, Path), IHasKernel, IActivated
{
    public override string Kind => "conv2d";

    public double? MaxNorm => null;

    public override ShapeResult Output(TensorShape input)
    {
        if (!input.IsImage) return ShapeKeeping.Image(this, input, "convolves");
        var channels = input[0];
        if (channels % Groups != 0 || Filters % Groups != 0)
            return ShapeResult.Fail($"'{Name}' (conv2d) splits its {channels} input channels and {Filters} filters into {Groups} groups: both must be multiples of groups");
        var (height, width) = (Along(input[1]), Along(input[2]));
        if (height <= 0 || width <= 0)
            return ShapeResult.Fail($"'{Name}' (conv2d) has a {KernelSize}×{KernelSize} kernel" + (Dilation > 1 ? $" with dilation {Dilation} (spanning {ConvolutionArithmetic.Span(KernelSize, Dilation)} pixels)" : "") +
                $" that does not fit its {input[1]}×{input[2]} input with padding: valid");
        return ShapeResult.Of(Filters, height, width);
    }

    public override long Parameters(TensorShape input, TensorShape output) =>
        checked(Filters * (input[0] / Groups) * KernelSize * KernelSize + (UseBias ? Filters : 0) + ShapeKeeping.PerUnitWeights(Activation, output));

    private long Along(long size) => ConvolutionArithmetic.Output(size, KernelSize, Stride, Dilation, Padding);
}
