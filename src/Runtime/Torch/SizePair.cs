namespace DeepDsl.Torch;

/// <summary>
/// A (height, width) argument of the 2-D ops — kernel, stride, padding, dilation, output size — is exactly two numbers:
/// refused above the engines, so both answer alike (PyTorch would stretch one number to both; the native shim reads
/// exactly two behind each pointer and must never read past them).
/// </summary>
internal static class SizePair
{
    public static ReadOnlySpan<long> Checked(ReadOnlySpan<long> size) =>
        size.Length == 2 ? size : throw new TorchException($"expected a (height, width) pair, got {size.Length} values [{string.Join(", ", size.ToArray())}]");

    public static long[] Checked(long[] size)
    {
        Checked((ReadOnlySpan<long>)size);
        return size;
    }

    /// <summary>A layer's (height, width) argument when it is built, each 1 or more, so a wrong one names the layer's argument; a copy.</summary>
    public static long[] Positive(long[] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != 2 || values.Any(v => v < 1))
            throw new ArgumentException($"{name} must be two numbers (height, width), each 1 or more; got [{string.Join(", ", values)}]", name);
        return [.. values];
    }
}
