using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>
/// Fan-in and fan-out of a weight as Keras defines them. Our dense weights are stored [out, in]
/// (PyTorch's layout), Keras's kernels [in, out]: fan_in is the number of inputs either way.
/// </summary>
public readonly record struct Fans(double In, double Out)
{
    public double Average => (In + Out) / 2;

    public static Fans Of(Tensor weight)
    {
        var shape = weight.shape;
        return shape.Length switch
        {
            0 => new Fans(1, 1),
            1 => new Fans(shape[0], shape[0]),
            _ => FromMatrix(shape),
        };
    }

    private static Fans FromMatrix(long[] shape)
    {
        // Dimensions beyond the first two are a receptive field (convolutions), as in Keras.
        double receptive = 1;
        for (var i = 2; i < shape.Length; i++) receptive *= shape[i];
        return new Fans(shape[1] * receptive, shape[0] * receptive);
    }
}
