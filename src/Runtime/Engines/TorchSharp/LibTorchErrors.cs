using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// The one door through which the engine calls TorchSharp: what TorchSharp throws becomes a <see cref="TorchException"/>
/// carrying libtorch's message. TorchSharp's glue parks libtorch's error (with its C++ backtrace) and throws an
/// <see cref="ExternalException"/>; its managed side throws argument and operation exceptions of its own. A disposed
/// tensor stays an <see cref="ObjectDisposedException"/>: that is a bug in the caller, not a failure of libtorch.
/// </summary>
internal static class LibTorchErrors
{
    public static T Call<T>(Func<T> operation)
    {
        try { return operation(); }
        catch (Exception error) when (IsTorchSharps(error)) { throw Translate(error); }
    }

    public static void Run(Action operation)
    {
        try { operation(); }
        catch (Exception error) when (IsTorchSharps(error)) { throw Translate(error); }
    }

    /// <summary>libtorch's message without the backtrace TorchSharp keeps: its first line that says something.</summary>
    public static string Message(string text)
    {
        var cut = text.IndexOf("Exception raised from", StringComparison.Ordinal);
        var head = cut >= 0 ? text[..cut] : text;
        return FirstLine(head) ?? FirstLine(text) ?? "libtorch failed without a message";
    }

    private static string? FirstLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);

    private static bool IsTorchSharps(Exception error) =>
        error is ExternalException or ArgumentException or NotSupportedException or IndexOutOfRangeException
        || error is InvalidOperationException and not ObjectDisposedException;

    private static TorchException Translate(Exception error) => new(Message(error.Message));
}
