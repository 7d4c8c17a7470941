using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>rmsprop: learning_rate, rho, momentum, epsilon, centered.</summary>
public sealed record RmsPropOptions(double LearningRate = 0.001, double Rho = 0.9, double Momentum = 0, double Epsilon = 1e-7, bool Centered = false, GradientClipping? Clipping = null)
    : OptimizerOptions(LearningRate, Clipping)
{
    public override Optimizer Create(IEnumerable<Tensor> parameters) =>
        new RMSprop(parameters, LearningRate, Rho, Momentum, Epsilon, Centered) { Clipping = Clipping };
}
