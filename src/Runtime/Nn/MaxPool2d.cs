using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Nn;

/// <summary>Max pooling over (height, width); with <see cref="Padding.Same"/> padded cells never win (−∞), as in Keras.</summary>
public sealed class MaxPool2d : Module
{
    private static readonly long[] NoDilation = [1, 1];

    public MaxPool2d(long[] kernel, long[] stride, Padding padding)
    {
        Kernel = SizePair.Positive(kernel, nameof(kernel));
        Stride = SizePair.Positive(stride, nameof(stride));
        Padding = padding;
    }

    public long[] Kernel { get; }
    public long[] Stride { get; }
    public Padding Padding { get; }

    public override Tensor forward(Tensor input)
    {
        var padding = SpatialPadding.Of(Padding, input, Kernel, Stride, NoDilation);
        if (padding.IsSymmetric) return F.max_pool2d(input, Kernel, Stride, padding.Symmetric, NoDilation);
        using var padded = F.pad(input, padding.Pads, double.NegativeInfinity);
        return F.max_pool2d(padded, Kernel, Stride, [0, 0], NoDilation);
    }
}
