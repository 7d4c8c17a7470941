using DeepDsl.Torch;

namespace DeepDsl.Nn.Regularization;

/// <summary>Keras's weight constraints, applied in place after each optimizer step.</summary>
public static class Constraints
{
    /// <summary>
    /// Keras's MaxNorm on a dense kernel: each unit's incoming weight vector is rescaled to norm at
    /// most <paramref name="maxValue"/>. Our weights are [out, in], so that is each row.
    /// </summary>
    public static void MaxNorm(Tensor weight, double maxValue)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var norms = weight.norm([1], keepdim: true);
        weight.mul_(norms.clamp(max: maxValue) / (norms + 1e-7));
    }
}
