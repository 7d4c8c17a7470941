using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>The mean of each channel over height and width: [N, C, H, W] → [N, C], as Keras's GlobalAveragePooling2D.</summary>
public sealed class GlobalAvgPool2d : Module
{
    private static readonly long[] HeightAndWidth = [2, 3];

    // One reduction: no pooled [N, C, 1, 1] intermediate to flatten.
    public override Tensor forward(Tensor input) => input.mean(HeightAndWidth);
}
