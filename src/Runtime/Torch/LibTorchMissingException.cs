namespace DeepDsl.Torch;

/// <summary>
/// The native shim or the libtorch it links could not be loaded; the message says what was missing
/// and the command that installs it.
/// </summary>
public sealed class LibTorchMissingException : Exception
{
    public LibTorchMissingException(string message) : base(message) { }
}
