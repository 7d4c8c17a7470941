using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>Adam (PyTorch's update rule; L2 weight decay added to the gradient — see <see cref="AdamW"/> for decoupled decay).</summary>
public class Adam : Optimizer, IMomentumOptimizer
{
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
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
        var g = WeightDecay != 0 && !DecoupledWeightDecay ? grads.add(values, WeightDecay) : grads;
        if (WeightDecay != 0 && DecoupledWeightDecay) values.mul_(1 - LearningRate * WeightDecay);
        var m = State("exp_avg").lerp_(g, 1 - Beta1);
        var v = State("exp_avg_sq").mul_(Beta2).addcmul_(g, g, 1 - Beta2);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var denominator = v.sqrt().div_(Math.Sqrt(biasCorrection2)).add_(Epsilon);
        values.addcdiv_(m, denominator, -LearningRate / biasCorrection1);
    }

    /// <summary>True for AdamW: decay multiplies the weights instead of adding to the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;
}
