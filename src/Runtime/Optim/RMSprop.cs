using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>RMSprop with optional momentum and centering (PyTorch's update rule; <paramref name="rho"/> is PyTorch's alpha).</summary>
public sealed class RMSprop : Optimizer, IMomentumOptimizer
{
    public RMSprop(IEnumerable<Tensor> parameters, double learningRate = 0.001, double rho = 0.9, double momentum = 0,
        double epsilon = 1e-7, bool centered = false, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        Rho = rho;
        Momentum = momentum;
        Epsilon = epsilon;
        Centered = centered;
        WeightDecay = weightDecay;
    }

    public double Rho { get; }
    public double Momentum { get; set; }
    public double Epsilon { get; }
    public bool Centered { get; }
    public double WeightDecay { get; }

    protected override void Update(Tensor values, Tensor grads, long step)
    {
        var g = WeightDecay != 0 ? grads.add(values, WeightDecay) : grads;
        var squareAverage = State("square_avg").mul_(Rho).addcmul_(g, g, 1 - Rho);
        Tensor average;
        if (Centered)
        {
            var gradAverage = State("grad_avg").lerp_(g, 1 - Rho);
            average = squareAverage.add(gradAverage.square(), -1).sqrt_().add_(Epsilon);
        }
        else
        {
            average = squareAverage.sqrt().add_(Epsilon);
        }
        if (Momentum > 0)
        {
            var buffer = State("momentum_buffer").mul_(Momentum).addcdiv_(g, average);
            values.add_(buffer, -LearningRate);
        }
        else
        {
            values.addcdiv_(g, average, -LearningRate);
        }
    }
}
