using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>Adamax, Adam with the infinity norm (PyTorch's update rule).</summary>
public sealed class Adamax : Optimizer, IMomentumOptimizer
{
    public Adamax(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    public double Beta1 { get; set; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double WeightDecay { get; }

    double IMomentumOptimizer.Momentum { get => Beta1; set => Beta1 = value; }

    protected override void Update(Tensor values, Tensor grads, long step)
    {
        var g = WeightDecay != 0 ? grads.add(values, WeightDecay) : grads;
        var m = State("exp_avg").lerp_(g, 1 - Beta1);
        var u = State("exp_inf").mul_(Beta2).maximum_(g.abs().add_(Epsilon));
        values.addcdiv_(m, u, -LearningRate / (1 - Math.Pow(Beta1, step)));
    }
}
