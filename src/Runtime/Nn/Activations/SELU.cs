using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Scaled ELU (λ≈1.0507, α≈1.6733): with LeCun-normal init and standardized inputs the network self-normalizes.</summary>
public sealed class SELU : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.selu(input);
}
