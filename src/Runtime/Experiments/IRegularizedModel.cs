using DeepDsl.Torch;

namespace DeepDsl.Experiments;

/// <summary>A model with l1/l2 weight penalties (added to the loss) or max-norm constraints (applied after each step).</summary>
public interface IRegularizedModel
{
    /// <summary>The sum of the penalties, or null when the model has none.</summary>
    Tensor? regularization_loss();

    /// <summary>Rescales weights that exceed their max-norm; called after every optimizer step.</summary>
    void apply_constraints();
}
