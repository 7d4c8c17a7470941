using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Exponential linear unit: x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
public sealed class ELU(double alpha = 1.0) : Module
{
    public double Alpha { get; } = alpha;

    public override Tensor forward(Tensor input) => torch.nn.functional.elu(input, Alpha);
}
