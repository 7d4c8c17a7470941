using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>adamax: learning_rate, beta_1, beta_2, epsilon.</summary>
public sealed record AdamaxOptions(double LearningRate = 0.001, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-7, GradientClipping? Clipping = null)
    : OptimizerOptions(LearningRate, Clipping)
{
    public override Optimizer Create(IEnumerable<Tensor> parameters) =>
        new Adamax(parameters, LearningRate, Beta1, Beta2, Epsilon) { Clipping = Clipping };
}
