using DeepDsl.Nn.Init;
using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Nn;

/// <summary>
/// A 2-D convolution over [N, C, H, W], weight [out, in/groups, kH, kW] as in PyTorch, padded as Keras pads
/// (<see cref="Padding"/>) and initialized as Keras does: fans count the receptive field (<see cref="Fans"/>).
/// </summary>
public sealed class Conv2d : Module
{
    public Conv2d(long inChannels, long outChannels, long[] kernel, long[] stride, Padding padding, long[] dilation, long groups, bool hasBias,
        Initializer kernelInitializer, Initializer biasInitializer, Device? device = null)
    {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"groups ({groups}) must divide both the input channels ({inChannels}) and the output channels ({outChannels})", nameof(groups));
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = SizePair.Positive(kernel, nameof(kernel));
        Stride = SizePair.Positive(stride, nameof(stride));
        Dilation = SizePair.Positive(dilation, nameof(dilation));
        Padding = padding;
        Groups = groups;
        weight = RegisterParameter("weight", torch.empty([outChannels, inChannels / groups, Kernel[0], Kernel[1]], device: device));
        kernelInitializer.Initialize(weight);
        if (hasBias)
        {
            bias = RegisterParameter("bias", torch.empty([outChannels], device: device));
            biasInitializer.Initialize(bias);
        }
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public long[] Kernel { get; }
    public long[] Stride { get; }
    public Padding Padding { get; }
    public long[] Dilation { get; }
    public long Groups { get; }
    public Tensor weight { get; }
    public Tensor? bias { get; }

    public override Tensor forward(Tensor input)
    {
        var padding = SpatialPadding.Of(Padding, input, Kernel, Stride, Dilation);
        if (padding.IsSymmetric) return F.conv2d(input, weight, bias, Stride, padding.Symmetric, Dilation, Groups);
        using var padded = F.pad(input, padding.Pads);
        return F.conv2d(padded, weight, bias, Stride, [0, 0], Dilation, Groups);
    }
}
