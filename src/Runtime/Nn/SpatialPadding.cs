using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// The padding a layer adds around an input's last two dimensions (height, width), from its <see cref="Padding"/>. When
/// both sides of each dimension get the same, the op pads itself (cheaper, and pooling then knows which cells are
/// padding); otherwise the layer pads first (<see cref="Pads"/>).
/// </summary>
internal readonly record struct SpatialPadding(long Top, long Bottom, long Left, long Right)
{
    public static SpatialPadding Of(Padding padding, Tensor input, long[] kernel, long[] stride, long[] dilation)
    {
        if (padding == Padding.Valid) return default;
        if (input.dim() < 3)
            throw new TorchException($"expected an input with channels, height and width ([N, C, H, W]), got shape [{string.Join(", ", input.shape)}]");
        var (top, bottom) = ConvolutionArithmetic.SamePadding(input.size(-2), kernel[0], stride[0], dilation[0]);
        var (left, right) = ConvolutionArithmetic.SamePadding(input.size(-1), kernel[1], stride[1], dilation[1]);
        return new SpatialPadding(top, bottom, left, right);
    }

    public bool IsSymmetric => Top == Bottom && Left == Right;

    /// <summary>(height, width) padding for an op that pads both sides alike.</summary>
    public long[] Symmetric => [Top, Left];

    /// <summary>As torch.nn.functional.pad takes it: the last dimension first.</summary>
    public long[] Pads => [Left, Right, Top, Bottom];
}
