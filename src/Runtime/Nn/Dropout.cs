using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Zeroes inputs with probability p during training and scales the rest by 1/(1−p).</summary>
public sealed class Dropout(double p = 0.5) : Module
{
    public double P { get; } = p;

    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, P, training);
}
