namespace DeepDsl.Torch;

/// <summary>A failure inside libtorch (bad shape, index, dtype, device…), carrying libtorch's own message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }
}
