namespace DeepDsl.Dsl.Shapes;

/// <summary>
/// The output size of a sliding window along one axis. The runtime's <c>DeepDsl.Nn.ConvolutionArithmetic</c> computes
/// the same numbers for its modules (the generator cannot reference the runtime); a test holds the two together.
/// </summary>
public static class ConvolutionArithmetic
{
    /// <summary>The span one window covers: (kernel − 1)·dilation + 1.</summary>
    public static long Span(long kernel, long dilation) => (kernel - 1) * dilation + 1;

    /// <summary>Outputs along the axis; zero or less when the window does not fit (valid padding only).</summary>
    public static long Output(long input, long kernel, long stride, long dilation, string padding)
    {
        if (padding == Padding.Same) return (input + stride - 1) / stride;
        var span = Span(kernel, dilation);
        return input < span ? 0 : (input - span) / stride + 1;
    }

    /// <summary>TensorFlow's total padding for same: enough that ceil(input / stride) windows fit.</summary>
    public static long SamePadding(long input, long kernel, long stride, long dilation) =>
        System.Math.Max((Output(input, kernel, stride, dilation, Padding.Same) - 1) * stride + Span(kernel, dilation) - input, 0);
}
