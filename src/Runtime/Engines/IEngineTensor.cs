namespace DeepDsl.Engines;

/// <summary>
/// A tensor as one engine holds it: the native engine's handle to an at::Tensor, or a TorchSharp tensor. Only the
/// engine that made it looks inside; <see cref="DeepDsl.Torch.Tensor"/> owns it and disposes it once.
/// </summary>
internal interface IEngineTensor : IDisposable
{
    /// <summary>True once disposed: no call may hand the engine a released tensor.</summary>
    bool IsClosed { get; }
}
