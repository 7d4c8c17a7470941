using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Logistic sigmoid.</summary>
public sealed class Sigmoid : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.sigmoid(input);
}
