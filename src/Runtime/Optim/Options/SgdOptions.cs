using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>sgd: learning_rate, momentum, nesterov, weight_decay.</summary>
public sealed record SgdOptions(double LearningRate = 0.01, double Momentum = 0, bool Nesterov = false, double WeightDecay = 0, GradientClipping? Clipping = null)
    : OptimizerOptions(LearningRate, Clipping)
{
    public override Optimizer Create(IEnumerable<Tensor> parameters) =>
        new SGD(parameters, LearningRate, Momentum, Nesterov, WeightDecay) { Clipping = Clipping };
}
