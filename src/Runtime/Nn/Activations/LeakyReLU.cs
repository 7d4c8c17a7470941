using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>max(x, slope·x); the default slope is the language's (Keras's LeakyReLU layer: 0.3).</summary>
public sealed class LeakyReLU(double negativeSlope = 0.3) : Module
{
    public double NegativeSlope { get; } = negativeSlope;

    public override Tensor forward(Tensor input) => torch.nn.functional.leaky_relu(input, NegativeSlope);
}
