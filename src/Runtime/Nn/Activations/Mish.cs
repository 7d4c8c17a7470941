using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Mish (Misra, 2019): x·tanh(softplus(x)), smooth and ReLU-like, as torch.nn.Mish.</summary>
public sealed class Mish : Module
{
    // softplus(x) = max(x, 0) + log(1 + e^−|x|): e^−|x| ≤ 1, so neither the value nor its gradient overflows for large |x|.
    public override Tensor forward(Tensor input) => input * (input.relu() + (input.abs().neg().exp() + 1).log()).tanh();
}
