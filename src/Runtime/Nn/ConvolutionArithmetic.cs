namespace DeepDsl.Nn;

/// <summary>
/// Output sizes and padding of convolution and pooling along one spatial dimension, shared by the layers and (mirrored
/// in src/Dsl, which cannot reference the runtime) by the language's shape checks. With receptive field
/// r = dilation·(kernel − 1) + 1:
/// <list type="bullet">
/// <item>valid: floor((input − r) / stride) + 1 — zero or less when the kernel does not fit;</item>
/// <item>same: ceil(input / stride), padded with max((output − 1)·stride + r − input, 0) cells, half before (rounded
/// down) and the rest after, as TensorFlow and Keras pad.</item>
/// </list>
/// </summary>
public static class ConvolutionArithmetic
{
    /// <summary>The number of outputs along a dimension of <paramref name="input"/> cells.</summary>
    public static long OutputSize(long input, long kernel, long stride, long dilation, Padding padding)
    {
        Check(input, kernel, stride, dilation);
        return padding switch
        {
            Padding.Valid => FloorDiv(input - ReceptiveField(kernel, dilation), stride) + 1,
            Padding.Same => FloorDiv(input + stride - 1, stride),
            _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "unknown padding"),
        };
    }

    /// <summary>The cells "same" padding adds before and after the input along a dimension (Keras: the odd one after).</summary>
    public static (long Before, long After) SamePadding(long input, long kernel, long stride, long dilation)
    {
        var output = OutputSize(input, kernel, stride, dilation, Padding.Same);
        var total = Math.Max((output - 1) * stride + ReceptiveField(kernel, dilation) - input, 0);
        return (total / 2, total - total / 2);
    }

    private static long ReceptiveField(long kernel, long dilation) => dilation * (kernel - 1) + 1;

    // C#'s division truncates toward zero; a kernel larger than the input must give zero or less, not one.
    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static void Check(long input, long kernel, long stride, long dilation)
    {
        if (input < 0) throw new ArgumentOutOfRangeException(nameof(input), input, "an input size is 0 or more");
        if (kernel < 1) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "a kernel size is 1 or more");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "a stride is 1 or more");
        if (dilation < 1) throw new ArgumentOutOfRangeException(nameof(dilation), dilation, "a dilation is 1 or more");
    }
}
