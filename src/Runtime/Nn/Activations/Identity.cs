using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>The identity (Keras's "linear" activation).</summary>
public sealed class Identity : Module
{
    public override Tensor forward(Tensor input) => input.alias();
}
