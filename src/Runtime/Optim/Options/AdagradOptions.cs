using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>adagrad: learning_rate, initial_accumulator_value, epsilon.</summary>
public sealed record AdagradOptions(double LearningRate = 0.001, double InitialAccumulatorValue = 0.1, double Epsilon = 1e-7, GradientClipping? Clipping = null)
    : OptimizerOptions(LearningRate, Clipping)
{
    public override Optimizer Create(IEnumerable<Tensor> parameters) =>
        new Adagrad(parameters, LearningRate, InitialAccumulatorValue, Epsilon) { Clipping = Clipping };
}
