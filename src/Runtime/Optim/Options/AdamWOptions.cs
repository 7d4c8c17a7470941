using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>adamw: learning_rate, beta_1, beta_2, epsilon, weight_decay (decoupled).</summary>
public sealed record AdamWOptions(double LearningRate = 0.001, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-7, double WeightDecay = 0.004, GradientClipping? Clipping = null)
    : OptimizerOptions(LearningRate, Clipping)
{
    public override Optimizer Create(IEnumerable<Tensor> parameters) =>
        new AdamW(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay) { Clipping = Clipping };
}
