using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Nn;

/// <summary>Max pooling over (height, width); with <see cref="Padding.Same"/> padded cells never win (−∞), as in Keras.</summary>
public sealed class MaxPool2d(long[] kernel, long[] stride, Padding padding) : Pool2d(kernel, stride, padding)
{
    public override Tensor forward(Tensor input)
    {
        var padding = PaddingOf(input);
        if (padding.IsSymmetric) return F.max_pool2d(input, Kernel, Stride, padding.Symmetric, NoDilation);
        using var padded = F.pad(input, padding.Pads, double.NegativeInfinity);
        return F.max_pool2d(padded, Kernel, Stride, [0, 0], NoDilation);
    }
}
