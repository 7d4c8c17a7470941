using DeepDsl.Nn.Init;
using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>A dense layer y = x·Wᵀ + b, with W of shape [out, in] as in PyTorch; initialized as Keras does by default.</summary>
public sealed class Linear : Module
{
    public Linear(long inFeatures, long outFeatures, bool hasBias = true,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null, Device? device = null)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = RegisterParameter("weight", torch.empty([outFeatures, inFeatures], device: device));
        (kernelInitializer ?? Initializers.GlorotUniform).Initialize(weight);
        if (hasBias)
        {
            bias = RegisterParameter("bias", torch.empty([outFeatures], device: device));
            (biasInitializer ?? Initializers.Zeros).Initialize(bias);
        }
    }

    public long InFeatures { get; }

    public long OutFeatures { get; }

    public Tensor weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);
}
