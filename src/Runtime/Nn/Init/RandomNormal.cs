using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>Normal samples with the given mean and standard deviation (not truncated, as Keras's RandomNormal).</summary>
public sealed record RandomNormal(double Mean = 0.0, double Stddev = 0.05) : Initializer
{
    public override void Initialize(Tensor weight) => weight.normal_(Mean, Stddev);
}
