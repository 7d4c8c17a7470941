using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Gaussian error linear unit.</summary>
public sealed class GELU : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.gelu(input);
}
