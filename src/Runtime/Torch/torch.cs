using System.Runtime.InteropServices;
using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

/// <summary>The entry point, named as in PyTorch and TorchSharp: <c>torch.zeros(...)</c>, <c>torch.nn.functional.elu(...)</c>.</summary>
public static partial class torch
{
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType @bool = ScalarType.Bool;
    public static readonly ScalarType uint8 = ScalarType.Byte;

    /// <summary>Starts a scope that disposes every tensor created on this thread until it ends.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Disables gradient tracking until the returned guard is disposed.</summary>
    public static GradModeGuard no_grad() => new(enabled: false);

    /// <summary>Enables gradient tracking until the returned guard is disposed.</summary>
    public static GradModeGuard enable_grad() => new(enabled: true);

    public static bool is_grad_enabled() => LibTorch.dd_is_grad_enabled();

    /// <summary>Seeds libtorch's generators (CPU and CUDA).</summary>
    public static void manual_seed(ulong seed) => LibTorch.Check(LibTorch.dd_manual_seed(seed));

    /// <summary>Threads for CPU math: libtorch's intra-op pool and, where libtorch multiplies with OpenBLAS, OpenBLAS's pool too.</summary>
    public static void set_num_threads(int threads) => LibTorch.Check(LibTorch.dd_set_num_threads(threads));

    public static int get_num_threads() => LibTorch.dd_get_num_threads();

    /// <summary>OpenBLAS's thread count, or null when libtorch does not multiply with OpenBLAS (not in TorchSharp).</summary>
    public static int? get_blas_num_threads() => LibTorch.dd_get_blas_threads() is var n and >= 0 ? n : null;

    /// <summary>libtorch's version and build configuration (BLAS, CUDA, CPU capabilities).</summary>
    public static unsafe string config()
    {
        var length = LibTorch.dd_config(null, 0);
        if (length < 0) throw LibTorch.TakeError();
        var buffer = new byte[length + 1];
        fixed (byte* p = buffer) LibTorch.dd_config(p, buffer.Length);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    public static Tensor where(Tensor condition, Tensor a, Tensor b) => new(LibTorch.dd_where(condition.Handle, a.Handle, b.Handle));

    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        Tensor result;
        fixed (IntPtr* p = handles) result = new(LibTorch.dd_cat(p, handles.Length, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        Tensor result;
        fixed (IntPtr* p = handles) result = new(LibTorch.dd_stack(p, handles.Length, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle.DangerousGetHandle();
        return handles;
    }

    public static partial class cuda
    {
        /// <summary>True when this libtorch was built with CUDA and a GPU is visible.</summary>
        public static bool is_available() => device_count() > 0;

        public static int device_count() => LibTorch.dd_cuda_device_count();

        public static void synchronize(int device = -1) => LibTorch.Check(LibTorch.dd_cuda_synchronize(device));
    }
}
