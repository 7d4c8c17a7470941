using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Hyperbolic tangent.</summary>
public sealed class Tanh : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.tanh(input);
}
