using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>Every element set to <paramref name="Value"/> (zeros and ones are instances).</summary>
public sealed record Constant(double Value) : Initializer
{
    public override void Initialize(Tensor weight)
    {
        using var noGrad = torch.no_grad();
        weight.fill_(Value);
    }
}
