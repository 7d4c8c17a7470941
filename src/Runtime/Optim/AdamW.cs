using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>Adam with decoupled weight decay (Loshchilov and Hutter), as PyTorch's AdamW; Keras's default decay 0.004.</summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
    double epsilon = 1e-7, double weightDecay = 0.004)
    : Adam(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
{
    protected override bool DecoupledWeightDecay => true;
}
