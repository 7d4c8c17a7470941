using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Batch normalisation over the channels of [N, C, H, W], statistics taken over N, H and W, as torch.nn.BatchNorm2d.</summary>
public sealed class BatchNorm2d(long channels, double momentum = 0.1, double eps = 1e-5, Device? device = null)
    : BatchNorm(channels, momentum, eps, device)
{
    public override Tensor forward(Tensor input) =>
        input.dim() == 4 ? base.forward(input) : throw new TorchException($"expected 4D input (got {input.dim()}D input)");
}
