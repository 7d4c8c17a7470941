using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>Uniform samples in [Minval, Maxval), as Keras's RandomUniform.</summary>
public sealed record RandomUniform(double Minval = -0.05, double Maxval = 0.05) : Initializer
{
    public override void Initialize(Tensor weight) => weight.uniform_(Minval, Maxval);
}
