using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>x·sigmoid(x), also called swish.</summary>
public sealed class SiLU : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.silu(input);
}
