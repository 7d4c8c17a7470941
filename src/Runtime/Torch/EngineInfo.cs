using System.Text.RegularExpressions;
using DeepDsl.Engines;

namespace DeepDsl.Torch;

/// <summary>
/// Which engine runs the tensors and on what: `deepdsl info`, the first line of `deepdsl run` and summary.json's
/// versions name it, so a result can be traced to the engine, libtorch and BLAS that rounded it.
/// </summary>
public sealed record EngineInfo(string Engine, string LibTorch, string Blas, int Threads, int? BlasThreads, int CudaDevices)
{
    /// <summary>The loaded engine's (loading it when no tensor has yet).</summary>
    public static EngineInfo Current() => Engines.Engine.Current.Info();

    /// <summary>The version line the shim writes first: "libtorch 2.6.0".</summary>
    internal static string LibTorchVersion(string config) => config.Split('\n')[0].Replace("libtorch ", "", StringComparison.Ordinal).Trim();

    /// <summary>libtorch's build configuration names its BLAS as BLAS_INFO=open (OpenBLAS), mkl, generic, … .</summary>
    internal static string BlasOf(string config) =>
        Regex.Match(config, @"BLAS_INFO=(\w+)") is { Success: true } match
            ? match.Groups[1].Value switch { "open" => "OpenBLAS", "mkl" => "MKL", "accelerate" => "Accelerate", var other => other }
            : "unknown";

    /// <summary>One line for people: "native engine, libtorch 2.6.0, OpenBLAS, 1 thread, no CUDA device".</summary>
    public string Describe() =>
        $"{Engine} engine, libtorch {LibTorch}, {Blas}, {Threads} thread{(Threads == 1 ? "" : "s")}, " +
        (CudaDevices == 0 ? "no CUDA device" : $"{CudaDevices} CUDA device{(CudaDevices == 1 ? "" : "s")}");
}
