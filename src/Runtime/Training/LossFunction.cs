using DeepDsl.Experiments;
using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Training;

/// <summary>
/// The loss and accuracy of a batch, computed from the model's logits with the output activation
/// folded in (softmax into cross entropy, sigmoid into binary cross entropy), as Keras's from_logits.
/// </summary>
public sealed class LossFunction(LossKind kind, OutputActivation output)
{
    public LossKind Kind { get; } = kind;

    public Tensor Loss(Tensor logits, Tensor labels) => Kind switch
    {
        LossKind.SparseCategoricalCrossentropy or LossKind.CategoricalCrossentropy => output == OutputActivation.Softmax || output == OutputActivation.Linear
            ? F.cross_entropy(logits, labels)
            : throw new InvalidOperationException("cross entropy needs a softmax (or linear) output"),
        LossKind.BinaryCrossentropy => output == OutputActivation.Sigmoid
            ? F.binary_cross_entropy_with_logits(logits.flatten(), labels.to(logits.dtype))
            : F.binary_cross_entropy(logits.flatten(), labels.to(logits.dtype)),
        _ => F.mse_loss(logits.flatten(), labels.to(logits.dtype)),
    };

    /// <summary>Number of correct predictions in the batch (a tensor, so nothing waits for the device).</summary>
    public Tensor Correct(Tensor logits, Tensor labels) => Kind switch
    {
        LossKind.BinaryCrossentropy => logits.flatten().gt(output == OutputActivation.Sigmoid ? 0.0 : 0.5).to(ScalarType.Int64).eq(labels).sum(),
        _ => logits.argmax(1).eq(labels).sum(),
    };
}
