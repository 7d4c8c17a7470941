using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Rectified linear unit.</summary>
public sealed class ReLU : Module
{
    public override Tensor forward(Tensor input) => torch.nn.functional.relu(input);
}
