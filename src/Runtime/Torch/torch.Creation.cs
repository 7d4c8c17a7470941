using DeepDsl.Engines;

namespace DeepDsl.Torch;

// Tensor creation: constant fills, ranges, random tensors, and copies of managed data.
public static partial class torch
{

    public static Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        new(Engine.Current.Fill(FillKind.Zeros, shape, 0, dtype, device ?? Device.CPU, requires_grad));

    public static Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        new(Engine.Current.Fill(FillKind.Ones, shape, 0, dtype, device ?? Device.CPU, requires_grad));

    public static Tensor empty(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        new(Engine.Current.Fill(FillKind.Empty, shape, 0, dtype, device ?? Device.CPU, requires_grad));

    public static Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        new(Engine.Current.Fill(FillKind.Full, shape, value, dtype, device ?? Device.CPU, requires_grad));

    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null) =>
        new(Engine.Current.Arange(start, end, step, dtype, device ?? Device.CPU));

    public static Tensor arange(long end, ScalarType dtype = ScalarType.Int64, Device? device = null) => arange(0, end, 1, dtype, device);

    /// <summary>Standard normal samples from libtorch's generator (seeded by <see cref="manual_seed"/>).</summary>
    public static Tensor randn(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null) =>
        new(Engine.Current.Random(RandomKind.Normal, shape, dtype, device ?? Device.CPU));

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null) =>
        new(Engine.Current.Random(RandomKind.Uniform, shape, dtype, device ?? Device.CPU));

    /// <summary>Uniform integers in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] shape, ScalarType dtype = ScalarType.Int64, Device? device = null) =>
        new(Engine.Current.RandInt(low, high, shape, dtype, device ?? Device.CPU));

    public static Tensor randperm(long n, ScalarType dtype = ScalarType.Int64, Device? device = null) =>
        new(Engine.Current.RandPerm(n, dtype, device ?? Device.CPU));

    /// <summary>Copies managed data into a new CPU tensor of the given shape.</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[] shape) where T : unmanaged
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements but the data has {data.Length}.", nameof(shape));
        fixed (T* source = data)
            return new(Engine.Current.FromData(source, (long)data.Length * sizeof(T), shape, ScalarTypes.Of<T>()));
    }

    public static Tensor tensor<T>(T[] data, long[] shape) where T : unmanaged => tensor((ReadOnlySpan<T>)data, shape);

    /// <summary>A one-dimensional tensor holding the data.</summary>
    public static Tensor tensor<T>(T[] data) where T : unmanaged => tensor((ReadOnlySpan<T>)data, [data.Length]);

    /// <summary>A zero-dimensional tensor holding one value.</summary>
    public static Tensor scalar_tensor(double value, ScalarType dtype = ScalarType.Float32, Device? device = null) => full([], value, dtype, device);
}
