using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

// Tensor creation: constant fills, ranges, random tensors, and copies of managed data.
public static partial class torch
{

    public static unsafe Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_zeros(p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index, requires_grad));
    }

    public static unsafe Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_ones(p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index, requires_grad));
    }

    public static unsafe Tensor empty(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_empty(p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index, requires_grad));
    }

    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_full(p, shape.Length, value, (sbyte)dtype, (int)d.Type, d.Index, requires_grad));
    }

    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return new(LibTorch.dd_arange(start, end, step, (sbyte)dtype, (int)d.Type, d.Index));
    }

    public static Tensor arange(long end, ScalarType dtype = ScalarType.Int64, Device? device = null) => arange(0, end, 1, dtype, device);

    /// <summary>Standard normal samples from libtorch's generator (seeded by <see cref="manual_seed"/>).</summary>
    public static unsafe Tensor randn(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_randn(p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index));
    }

    /// <summary>Uniform samples in [0, 1).</summary>
    public static unsafe Tensor rand(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_rand(p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index));
    }

    /// <summary>Uniform integers in [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] shape, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape) return new(LibTorch.dd_randint(low, high, p, shape.Length, (sbyte)dtype, (int)d.Type, d.Index));
    }

    public static Tensor randperm(long n, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return new(LibTorch.dd_randperm(n, (sbyte)dtype, (int)d.Type, d.Index));
    }

    /// <summary>Copies managed data into a new CPU tensor of the given shape.</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[] shape) where T : unmanaged
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements but the data has {data.Length}.", nameof(shape));
        fixed (T* source = data)
        fixed (long* p = shape)
            return new(LibTorch.dd_from_data(source, p, shape.Length, (sbyte)ScalarTypes.Of<T>()));
    }

    public static Tensor tensor<T>(T[] data, long[] shape) where T : unmanaged => tensor((ReadOnlySpan<T>)data, shape);

    /// <summary>A one-dimensional tensor holding the data.</summary>
    public static Tensor tensor<T>(T[] data) where T : unmanaged => tensor((ReadOnlySpan<T>)data, [data.Length]);

    /// <summary>A zero-dimensional tensor holding one value.</summary>
    public static Tensor scalar_tensor(double value, ScalarType dtype = ScalarType.Float32, Device? device = null) => full([], value, dtype, device);
}
