using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// A 2-D convolution over images [channels, height, width]: <paramref name="Filters"/> output channels, a kernel, stride
/// and dilation per axis (height, width), padding (valid or TensorFlow's same) and groups as in Keras's Conv2D.
/// </summary>
public sealed record Conv2dLayer(string Name, string Path, long Filters, Size2d KernelSize, Size2d Stride, string Padding, Size2d Dilation, long Groups,
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
        var (height, width) = (Along(input[1], KernelSize.Height, Stride.Height, Dilation.Height), Along(input[2], KernelSize.Width, Stride.Width, Dilation.Width));
        if (height <= 0 || width <= 0)
            return ShapeResult.Fail($"'{Name}' (conv2d) has a {KernelSize} kernel" + (Dilation == Size2d.Square(1) ? "" : $" with dilation {Dilation.Compact} (spanning {Span.Compact} pixels)") +
                $" that does not fit its {input[1]}×{input[2]} input with padding: valid");
        return ShapeResult.Of(Filters, height, width);
    }

    public override long Parameters(TensorShape input, TensorShape output) =>
        checked(Filters * (input[0] / Groups) * KernelSize.Height * KernelSize.Width + (UseBias ? Filters : 0) + ShapeKeeping.PerUnitWeights(Activation, output));

    private Size2d Span => new(ConvolutionArithmetic.Span(KernelSize.Height, Dilation.Height), ConvolutionArithmetic.Span(KernelSize.Width, Dilation.Width));

    private long Along(long size, long kernel, long stride, long dilation) => ConvolutionArithmetic.Output(size, kernel, stride, dilation, Padding);
}
