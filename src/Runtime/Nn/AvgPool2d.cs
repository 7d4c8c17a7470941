using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Nn;

/// <summary>Average pooling over (height, width); with <see cref="Padding.Same"/> each window averages only its input cells, as in Keras.</summary>
public sealed class AvgPool2d(long[] kernel, long[] stride, Padding padding) : Pool2d(kernel, stride, padding)
{
    public override Tensor forward(Tensor input)
    {
        var padding = PaddingOf(input);
        if (padding.IsSymmetric) return F.avg_pool2d(input, Kernel, Stride, padding.Symmetric, count_include_pad: false);
        // avg_pool2d pads both sides alike; with the odd cell after, pad with zeros first and divide each window's mean
        // by the share of it that is input (the same pooling of a mask of ones).
        using var padded = F.pad(input, padding.Pads);
        using var means = F.avg_pool2d(padded, Kernel, Stride);
        var maskShape = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        (maskShape[^2], maskShape[^1]) = (input.size(-2), input.size(-1));
        using var mask = torch.ones(maskShape, input.dtype, input.device);
        using var paddedMask = F.pad(mask, padding.Pads);
        using var inputShare = F.avg_pool2d(paddedMask, Kernel, Stride);
        return means / inputShare;
    }
}
