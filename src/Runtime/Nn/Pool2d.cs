using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>A pooling layer's window over (height, width): its size, its stride and Keras's padding.</summary>
public abstract class Pool2d : Module
{
    /// <summary>Pooling layers take no dilation (Keras has none).</summary>
    protected static readonly long[] NoDilation = [1, 1];

    protected Pool2d(long[] kernel, long[] stride, Padding padding)
    {
        Kernel = SizePair.Positive(kernel, nameof(kernel));
        Stride = SizePair.Positive(stride, nameof(stride));
        Padding = padding;
    }

    public long[] Kernel { get; }
    public long[] Stride { get; }
    public Padding Padding { get; }

    internal SpatialPadding PaddingOf(Tensor input) => SpatialPadding.Of(Padding, input, Kernel, Stride, NoDilation);
}
