using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Batch normalisation over the features of [N, F] (or [N, F, L]), as torch.nn.BatchNorm1d.</summary>
public sealed class BatchNorm1d(long features, double momentum = 0.1, double eps = 1e-5, Device? device = null)
    : BatchNorm(features, momentum, eps, device);
