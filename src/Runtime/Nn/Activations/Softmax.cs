using DeepDsl.Torch;

namespace DeepDsl.Nn.Activations;

/// <summary>Softmax along a dimension (the last one by default).</summary>
public sealed class Softmax(long dim = -1) : Module
{
    public long Dim { get; } = dim;

    public override Tensor forward(Tensor input) => torch.nn.functional.softmax(input, Dim);
}
