using DeepDsl.Torch;

namespace DeepDsl.Experiments;

/// <summary>
/// A model whose output layer ends in softmax or sigmoid. The trainer computes the loss from the
/// logits (<see cref="forward_logits"/>: everything but that last activation), as Keras does with
/// from_logits, because log(softmax(x)) computed in one step cannot underflow.
/// </summary>
public interface IClassifierModel
{
    OutputActivation Output { get; }

    Tensor forward_logits(Tensor input);
}
