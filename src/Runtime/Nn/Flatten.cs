using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Flattens all dimensions from <paramref name="startDim"/> on (the batch dimension stays).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : Module
{
    public override Tensor forward(Tensor input) => input.flatten(startDim, endDim);
}
