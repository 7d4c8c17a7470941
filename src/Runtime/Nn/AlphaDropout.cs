using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Dropout that keeps a SELU network's mean and variance (drops to SELU's negative saturation value).</summary>
public sealed class AlphaDropout(double p = 0.5) : Module
{
    public double P { get; } = p;

    public override Tensor forward(Tensor input) => torch.nn.functional.alpha_dropout(input, P, training);
}
