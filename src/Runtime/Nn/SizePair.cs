namespace DeepDsl.Nn;

/// <summary>Checks a layer's (height, width) arguments when it is built, so that a wrong one names the layer's argument.</summary>
internal static class SizePair
{
    public static long[] Positive(long[] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != 2 || values.Any(v => v < 1))
            throw new ArgumentException($"{name} must be two numbers (height, width), each 1 or more; got [{string.Join(", ", values)}]", name);
        return [.. values];
    }
}
