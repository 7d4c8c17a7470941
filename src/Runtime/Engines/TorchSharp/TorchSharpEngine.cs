using System.Runtime.InteropServices;
using DeepDsl.Torch;
using TS = global::TorchSharp.torch;
using TSDeviceType = global::TorchSharp.DeviceType;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// DeepDsl's tensors on TorchSharp (the .NET Foundation's libtorch binding), for the platforms and CUDA builds its NuGet
/// packages serve. Everything goes through TorchSharp's public API; what TorchSharp leaves unguarded (an error inside
/// it that would end the process) is checked here first (<see cref="MatMulGuard"/>), and every failure is a
/// <see cref="TorchException"/> (<see cref="LibTorchErrors"/>).
/// </summary>
internal sealed partial class TorchSharpEngine : IEngine
{
    public const string EngineName = "torchsharp";

    private TorchSharpEngine() { }

    /// <summary>The engine ready, or a <see cref="LibTorchMissingException"/> saying in one line why it cannot load here.</summary>
    public static IEngine Load()
    {
        LibTorchSharpLoader.Load();
        var engine = new TorchSharpEngine();
        // The process's thread count before any math, as the native engine applies it (CpuThreads: one number for all runs).
        engine.SetNumThreads(CpuThreads.Default);
        return engine;
    }

    /// <summary>Why this engine cannot train data-parallel: TorchSharp has no c10d (no process groups, no all-reduce).</summary>
    public const string CollectivesMissing =
        "data-parallel training needs the native engine (TorchSharp has no c10d): run with --engine native";

    public string Name => EngineName;

    // BLAS threads: none of its own to report — libtorch's set_num_threads sets MKL's itself.
    public EngineInfo Info() =>
        new(EngineName, LibTorchVersion(), Blas.Value, GetNumThreads(), null, CudaDeviceCount());

    /// <summary>The libtorch TorchSharp was built for and loads ("2.10.0"; TorchSharp spells it as a NuGet version, "2.10.0.0").</summary>
    private static string LibTorchVersion() => TS.NormalizeNuGetVersion(TS.__version__);

    /// <summary>
    /// TorchSharp does not expose libtorch's build configuration (at::show_config). PyTorch's own libtorch builds link
    /// Intel MKL into libtorch_cpu and export its entry points, so MKL is named when the loaded libtorch has them.
    /// </summary>
    private static readonly Lazy<string> Blas = new(() =>
        NativeLibrary.TryLoad("torch_cpu", typeof(TS).Assembly, null, out var library)
        && NativeLibrary.TryGetExport(library, "MKL_Get_Version_String", out _)
            ? "MKL"
            : "unknown");

    public void ManualSeed(ulong seed) => LibTorchErrors.Run(() =>
    {
        // Both generators, as at::manual_seed seeds them: TorchSharp's manual_seed reaches only the CPU's.
        TS.random.manual_seed(unchecked((long)seed)).Dispose();
        if (TS.cuda.device_count() > 0) TS.cuda.manual_seed_all(unchecked((long)seed));
    });

    public void SetNumThreads(int threads)
    {
        // TorchSharp calls at::set_num_threads without its exception guard: libtorch's refusal would end the process.
        if (threads <= 0) throw new TorchException($"Expected nthreads > 0 to be true, but got false. (set_num_threads: {threads} threads)");
        LibTorchErrors.Run(() => TS.set_num_threads(threads));
    }

    public int GetNumThreads() => LibTorchErrors.Call(TS.get_num_threads);

    public int CudaDeviceCount() => LibTorchErrors.Call(TS.cuda.device_count);

    public void CudaSynchronize(int device)
    {
        if (CudaDeviceCount() > 0) LibTorchErrors.Run(() => TS.cuda.synchronize(new TS.Device(TSDeviceType.CUDA, device)));
    }

    public bool IsGradEnabled() => TS.is_grad_enabled();

    // TorchSharp's guard restores the previous mode when disposed; DeepDsl's GradModeGuard does that itself, so the
    // guard is dropped (it has no finalizer that would undo the setting).
    public void SetGradEnabled(bool enabled) => _ = TS.set_grad_enabled(enabled);

    private static TS.Tensor T(IEngineTensor t) => ((SharpTensor)t).Value;

    private static TS.Tensor? Optional(IEngineTensor? t) => t is null ? null : T(t);

    private static SharpTensor New(Func<TS.Tensor> operation) => new(LibTorchErrors.Call(operation));

    private static IEngineTensor Wrap(TS.Tensor t) => new SharpTensor(t);
}
