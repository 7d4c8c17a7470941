using DeepDsl.Torch;

namespace DeepDsl.Optim.Options;

/// <summary>
/// An optimizer's resolved hyperparameters as a typed value (what a generated experiment exposes),
/// and the factory for the optimizer itself. One record per optimizer name of the language.
/// </summary>
public abstract record OptimizerOptions(double LearningRate, GradientClipping? Clipping)
{
    public abstract Optimizer Create(IEnumerable<Tensor> parameters);
}
