using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>
/// Gradient clipping applied before each update. <see cref="GlobalNorm"/> rescales all gradients
/// together (PyTorch's clip_grad_norm_, Keras's global_clipnorm); <see cref="Norm"/> rescales each
/// parameter's gradient on its own (Keras's clipnorm); <see cref="Value"/> clamps every element.
/// </summary>
public sealed record GradientClipping(double? GlobalNorm = null, double? Norm = null, double? Value = null)
{
    internal void Apply(FlatParameters parameters)
    {
        if (GlobalNorm is { } maxGlobal) Rescale(parameters.Grads, maxGlobal);
        if (Norm is { } maxNorm)
        {
            foreach (var parameter in parameters.Parameters)
            {
                using var grad = parameter.grad;
                if (grad is not null) Rescale(grad, maxNorm);
            }
        }
        if (Value is { } limit) parameters.Grads.clamp_(-limit, limit);
    }

    // Multiplies by min(1, max / (norm + 1e-6)) on the device, without reading the norm back to the host.
    private static void Rescale(Tensor grad, double max)
    {
        using var norm = grad.norm();
        using var coefficient = (max / (norm + 1e-6)).clamp(max: 1.0);
        grad.mul_(coefficient);
    }
}
