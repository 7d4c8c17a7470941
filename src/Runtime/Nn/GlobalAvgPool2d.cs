using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>The mean of each channel over height and width: [N, C, H, W] → [N, C], as Keras's GlobalAveragePooling2D.</summary>
public sealed class GlobalAvgPool2d : Module
{
    private static readonly long[] OnePixel = [1, 1];

    public override Tensor forward(Tensor input)
    {
        using var pooled = torch.nn.functional.adaptive_avg_pool2d(input, OnePixel);
        return pooled.flatten(1);
    }
}
