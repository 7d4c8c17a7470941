using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>max(x, slope·x).</summary>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    public double NegativeSlope { get; } = negativeSlope;

    public override Tensor forward(Tensor input) => torch.nn.functional.leaky_relu(input, NegativeSlope);
}
