using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>Adagrad (PyTorch's update rule; Keras's default initial accumulator 0.1).</summary>
public sealed class Adagrad(IEnumerable<Tensor> parameters, double learningRate = 0.001, double initialAccumulatorValue = 0.1,
    double epsilon = 1e-7, double weightDecay = 0)
    : Optimizer(parameters, learningRate)
{
    public double InitialAccumulatorValue { get; } = initialAccumulatorValue;
    public double Epsilon { get; } = epsilon;
    public double WeightDecay { get; } = weightDecay;

    protected override void Update(Tensor values, Tensor grads, long step)
    {
        var g = WeightDecay != 0 ? grads.add(values, WeightDecay) : grads;
        var sum = State("sum", InitialAccumulatorValue).addcmul_(g, g);
        values.addcdiv_(g, sum.sqrt().add_(Epsilon), -LearningRate);
    }
}
