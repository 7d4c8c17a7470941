using DeepDsl.Torch;

namespace DeepDsl.Nn.Regularization;

/// <summary>Keras's kernel regularizers: l1·Σ|w| + l2·Σw², added to the loss.</summary>
public static class Penalties
{
    public static Tensor L1L2(Tensor weight, double l1, double l2)
    {
        Tensor? penalty = null;
        if (l1 != 0) penalty = weight.abs().sum().mul(l1);
        if (l2 != 0)
        {
            var squares = weight.square().sum().mul(l2);
            penalty = penalty is null ? squares : penalty + squares;
        }
        return penalty ?? torch.zeros([], weight.dtype, weight.device);
    }
}
