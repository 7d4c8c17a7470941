using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay (PyTorch's update rule).</summary>
public sealed class SGD : Optimizer, IMomentumOptimizer
{
    public SGD(IEnumerable<Tensor> parameters, double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (nesterov && momentum <= 0) throw new ArgumentException("Nesterov momentum needs momentum > 0", nameof(nesterov));
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    public double Momentum { get; set; }
    public bool Nesterov { get; }
    public double WeightDecay { get; }

    protected override void Update(Tensor values, Tensor grads, long step)
    {
        var d = WeightDecay != 0 ? grads.add(values, WeightDecay) : grads;
        if (Momentum != 0)
        {
            var buffer = State("momentum_buffer");
            if (step == 1) buffer.copy_(d);
            else buffer.mul_(Momentum).add_(d);
            d = Nesterov ? d.add(buffer, Momentum) : buffer;
        }
        values.add_(d, -LearningRate);
    }
}
