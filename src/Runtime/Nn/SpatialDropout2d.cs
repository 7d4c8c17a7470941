using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// Dropout of whole feature maps: during training each channel of each sample is zeroed with probability
/// <see cref="Rate"/> and the rest scaled by 1/(1−rate), as Keras's SpatialDropout2D (neighbouring pixels are too
/// correlated for element-wise dropout to regularize a convolution).
/// </summary>
public sealed class SpatialDropout2d(double rate) : Module
{
    public double Rate { get; } = rate;

    public override Tensor forward(Tensor input) => torch.nn.functional.feature_dropout(input, Rate, training);
}
