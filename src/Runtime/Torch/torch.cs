using DeepDsl.Engines;

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

    public static bool is_grad_enabled() => Engine.Current.IsGradEnabled();

    /// <summary>Seeds the engine's generators (CPU and CUDA).</summary>
    public static void manual_seed(ulong seed) => Engine.Current.ManualSeed(seed);

    /// <summary>Threads for CPU math: libtorch's intra-op pool and, where libtorch multiplies with OpenBLAS, OpenBLAS's pool too.</summary>
    public static void set_num_threads(int threads) => Engine.Current.SetNumThreads(threads);

    public static int get_num_threads() => Engine.Current.GetNumThreads();

    /// <summary>OpenBLAS's thread count where libtorch multiplies with OpenBLAS, else null (TorchSharp's libtorch has its own BLAS).</summary>
    public static int? get_blas_num_threads() => Engine.Current.Info().BlasThreads;

    public static Tensor where(Tensor condition, Tensor a, Tensor b) => new(Engine.Current.Where(condition.Handle, a.Handle, b.Handle));

    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) => new(Engine.Current.Cat(Handles(tensors), dim));

    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) => new(Engine.Current.Stack(Handles(tensors), dim));

    internal static IEngineTensor[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IEngineTensor[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle;
        return handles;
    }

    public static partial class cuda
    {
        /// <summary>True when this libtorch was built with CUDA and a GPU is visible.</summary>
        public static bool is_available() => device_count() > 0;

        public static int device_count() => Engine.Current.CudaDeviceCount();

        public static void synchronize(int device = -1) => Engine.Current.CudaSynchronize(device);
    }
}
