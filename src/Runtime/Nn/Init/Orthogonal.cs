using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>A random (semi-)orthogonal matrix times <paramref name="Gain"/>, as Keras's Orthogonal.</summary>
public sealed record Orthogonal(double Gain = 1.0) : Initializer
{
    public override void Initialize(Tensor weight) => weight.orthogonal_(Gain);
}
