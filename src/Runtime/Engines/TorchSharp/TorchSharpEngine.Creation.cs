using DeepDsl.Torch;
using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

// Creating tensors, copying data in and out, and what a tensor is.
internal sealed partial class TorchSharpEngine
{
    // Data crosses as spans, which TorchSharp caps at int.MaxValue bytes: larger tensors are copied in slices.
    private const long CopySlice = 1L << 30;

    public IEngineTensor Fill(FillKind kind, ReadOnlySpan<long> shape, double value, ScalarType dtype, Device device, bool requiresGrad)
    {
        var size = shape.ToArray();
        return New(() =>
        {
            var (type, on) = (dtype.ToSharp(), device.ToSharp());
            switch (kind)
            {
                case FillKind.Zeros: return TS.zeros(size, type, on, requiresGrad);
                case FillKind.Ones: return TS.ones(size, type, on, requiresGrad);
                case FillKind.Empty: return TS.empty(size, type, on, requiresGrad);
                default:
                    using (var fill = SharpConvert.Scalar(value)) return TS.full(size, fill, type, on, requiresGrad);
            }
        });
    }

    public IEngineTensor Arange(double start, double end, double step, ScalarType dtype, Device device) => New(() =>
    {
        using var from = SharpConvert.Scalar(start);
        using var to = SharpConvert.Scalar(end);
        using var by = SharpConvert.Scalar(step);
        return TS.arange(from, to, by, dtype.ToSharp(), device.ToSharp());
    });

    public IEngineTensor Random(RandomKind kind, ReadOnlySpan<long> shape, ScalarType dtype, Device device)
    {
        var size = shape.ToArray();
        return New(() => kind == RandomKind.Normal
            ? TS.randn(size, dtype.ToSharp(), device.ToSharp())
            : TS.rand(size, dtype.ToSharp(), device.ToSharp()));
    }

    public IEngineTensor RandInt(long low, long high, ReadOnlySpan<long> shape, ScalarType dtype, Device device)
    {
        var size = shape.ToArray();
        return New(() => TS.randint(low, high, size, dtype.ToSharp(), device.ToSharp()));
    }

    public IEngineTensor RandPerm(long n, ScalarType dtype, Device device) => New(() => TS.randperm(n, dtype.ToSharp(), device.ToSharp()));

    public unsafe IEngineTensor FromData(void* data, long bytes, ReadOnlySpan<long> shape, ScalarType dtype)
    {
        var size = shape.ToArray();
        var source = (byte*)data;
        return New(() =>
        {
            var t = TS.empty(size, dtype.ToSharp());
            try
            {
                var expected = t.NumberOfElements * t.ElementSize;
                if (expected != bytes) throw new TorchException($"from_data: the tensor has {expected} bytes but the source holds {bytes}");
                ForEachSlice(t, (slice, offset, length) => new ReadOnlySpan<byte>(source + offset, length).CopyTo(slice.bytes));
                return t;
            }
            catch
            {
                t.Dispose();
                throw;
            }
        });
    }

    public unsafe void CopyTo(IEngineTensor t, void* destination, long bytes)
    {
        var target = (byte*)destination;
        LibTorchErrors.Run(() =>
        {
            using var cpu = T(t).to(global::TorchSharp.DeviceType.CPU);
            using var dense = cpu.contiguous();
            var available = dense.NumberOfElements * dense.ElementSize;
            if (available != bytes) throw new TorchException($"copy_to: the tensor has {available} bytes but the destination holds {bytes}");
            ForEachSlice(dense, (slice, offset, length) => slice.bytes.CopyTo(new Span<byte>(target + offset, length)));
        });
    }

    /// <summary>Calls <paramref name="copy"/> with consecutive slices of a contiguous CPU tensor and each slice's byte offset and length.</summary>
    private static void ForEachSlice(TS.Tensor t, Action<TS.Tensor, long, int> copy)
    {
        using var flat = t.reshape(-1);
        var elements = flat.NumberOfElements;
        var perSlice = Math.Max(1, CopySlice / Math.Max(1, t.ElementSize));
        for (long start = 0; start < elements; start += perSlice)
        {
            var count = Math.Min(perSlice, elements - start);
            using var slice = flat.narrow(0, start, count);
            copy(slice, start * t.ElementSize, checked((int)(count * t.ElementSize)));
        }
    }

    public double Item(IEngineTensor t) => LibTorchErrors.Call(() =>
    {
        using var value = T(t).ToScalar();
        return global::TorchSharp.ScalarExtensionMethods.ToDouble(value);
    });

    public long[] Shape(IEngineTensor t) => T(t).shape;

    public long Numel(IEngineTensor t) => T(t).NumberOfElements;

    public ScalarType DType(IEngineTensor t) => SharpConvert.FromSharp(T(t).dtype);

    public Device DeviceOf(IEngineTensor t) => SharpConvert.DeviceOf(T(t));

    public bool IsContiguous(IEngineTensor t) => T(t).is_contiguous();

    public IEngineTensor To(IEngineTensor t, ScalarType dtype, Device device) => New(() => T(t).to(dtype.ToSharp(), device.ToSharp()));

    public IEngineTensor Clone(IEngineTensor t) => New(() => T(t).clone());

    public IEngineTensor Alias(IEngineTensor t) => New(() => T(t).alias());
}
