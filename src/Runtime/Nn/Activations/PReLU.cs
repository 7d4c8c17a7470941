using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Leaky ReLU whose slope is learned: one parameter, or one per feature.</summary>
public sealed class PReLU : Module
{
    public PReLU(long numParameters = 1, double init = 0.25, Device? device = null)
    {
        weight = RegisterParameter("weight", torch.full([numParameters], init, device: device));
    }

    public Tensor weight { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.prelu(input, weight);
}
