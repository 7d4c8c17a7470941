using DeepDsl.Torch;
using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// TorchSharp's <c>THSTensor_matmul</c> calls libtorch without its exception guard, so any error inside matmul (a shape,
/// dtype or device mismatch) ends the whole process. This checks, before the call, everything libtorch's matmul
/// checks, in the order it does, and throws a <see cref="TorchException"/> worded as libtorch words it.
/// </summary>
internal static class MatMulGuard
{
    /// <summary>What matmul needs to know of an operand.</summary>
    public readonly record struct Operand(long[] Shape, TS.ScalarType DType, Device Device)
    {
        public static Operand Of(TS.Tensor t) => new(t.shape, t.dtype, SharpConvert.DeviceOf(t));
    }

    public static void Check(TS.Tensor a, TS.Tensor b) => Check(Operand.Of(a), Operand.Of(b));

    public static void Check(Operand a, Operand b)
    {
        var (left, right) = (a.Shape, b.Shape);
        if (left.Length == 0 || right.Length == 0)
            throw new TorchException($"both arguments to matmul need to be at least 1D, but they are {left.Length}D and {right.Length}D");
        if (a.Device != b.Device)
            throw new TorchException($"Expected all tensors to be on the same device, but found at least two devices, {a.Device} and {b.Device}!");
        CheckShapes(left, right);
        if (a.DType != b.DType)
            throw new TorchException($"expected m1 and m2 to have the same dtype, but got: {SharpConvert.LibTorchName(a.DType)} != {SharpConvert.LibTorchName(b.DType)}");
        CheckDTypeSupported(a);
    }

    private static void CheckShapes(long[] left, long[] right)
    {
        switch (left.Length, right.Length)
        {
            case (1, 1):
                if (left[0] != right[0])
                    throw new TorchException($"inconsistent tensor size, expected tensor [{left[0]}] and src [{right[0]}] to have the same number of elements, but got {left[0]} and {right[0]} elements respectively");
                return;
            case (2, 1):
                if (left[1] != right[0])
                    throw new TorchException($"size mismatch, got input ({left[0]}), mat ({left[0]}x{left[1]}), vec ({right[0]})");
                return;
            case (1, 2):
                MatricesMultiply(1, left[0], right[0], right[1]);
                return;
            case (2, 2):
                MatricesMultiply(left[0], left[1], right[0], right[1]);
                return;
            case (>= 3, <= 2):
                // libtorch folds the batch of the left operand into the rows of one matrix product.
                var rows = left.Take(left.Length - 1).Aggregate(1L, (p, s) => p * s);
                MatricesMultiply(rows, left[^1], right[0], right.Length == 2 ? right[1] : 1);
                return;
            default:
                Batched(left, right);
                return;
        }
    }

    private static void MatricesMultiply(long rows1, long cols1, long rows2, long cols2)
    {
        if (cols1 != rows2)
            throw new TorchException($"mat1 and mat2 shapes cannot be multiplied ({rows1}x{cols1} and {rows2}x{cols2})");
    }

    /// <summary>Broadcasts the batch dimensions, then multiplies batches of matrices (libtorch's bmm).</summary>
    private static void Batched(long[] left, long[] right)
    {
        var m1 = left[^1];
        var m2 = right.Length > 1 ? right[^2] : right[0];
        var batch = Broadcast(left[..Math.Max(left.Length - 2, 0)], right[..Math.Max(right.Length - 2, 0)]);
        var batches = batch.Aggregate(1L, (product, s) => product * s);
        if (m1 != m2)
            throw new TorchException($"Expected size for first two dimensions of batch2 tensor to be: [{batches}, {m1}] but got: [{batches}, {m2}].");
    }

    /// <summary>libtorch's infer_size: sizes aligned from the end must be equal or 1.</summary>
    private static long[] Broadcast(long[] a, long[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (var i = rank - 1; i >= 0; i--)
        {
            var offset = rank - 1 - i;
            var sizeA = a.Length - 1 - offset >= 0 ? a[a.Length - 1 - offset] : 1;
            var sizeB = b.Length - 1 - offset >= 0 ? b[b.Length - 1 - offset] : 1;
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1)
                throw new TorchException($"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {i}");
            result[i] = sizeA == 1 ? sizeB : sizeA;
        }
        return result;
    }

    /// <summary>libtorch multiplies real numbers only, and on CUDA only floating-point ones.</summary>
    private static void CheckDTypeSupported(Operand a)
    {
        var floating = a.DType is TS.ScalarType.Float32 or TS.ScalarType.Float64 or TS.ScalarType.Float16 or TS.ScalarType.BFloat16;
        var integer = a.DType is TS.ScalarType.Byte or TS.ScalarType.Int8 or TS.ScalarType.Int16 or TS.ScalarType.Int32 or TS.ScalarType.Int64;
        if (!floating && !(integer && a.Device.Type == DeviceType.CPU))
            throw new TorchException($"\"matmul\" not implemented for '{a.DType}'");
    }
}
