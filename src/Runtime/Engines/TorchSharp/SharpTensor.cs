using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// A TorchSharp tensor as the engine hands it to <see cref="DeepDsl.Torch.Tensor"/>. The wrapped tensor can be
/// replaced (<see cref="Reseat"/>) so that moving a parameter to another device keeps the DeepDsl tensor's identity,
/// as the native engine re-seats its handle.
/// </summary>
internal sealed class SharpTensor : IEngineTensor
{
    private TS.Tensor? value;

    public SharpTensor(TS.Tensor value) => this.value = value;

    /// <summary>The TorchSharp tensor; a disposed handle throws rather than reach libtorch.</summary>
    public TS.Tensor Value => value ?? throw new ObjectDisposedException(nameof(SharpTensor), "This tensor has been disposed and can no longer be used.");

    public bool IsClosed => value is null;

    /// <summary>Makes this handle refer to <paramref name="replacement"/>, releasing the tensor it held.</summary>
    public void Reseat(TS.Tensor replacement)
    {
        var old = Value;
        value = replacement;
        old.Dispose();
    }

    public void Dispose()
    {
        value?.Dispose();
        value = null;
    }
}
