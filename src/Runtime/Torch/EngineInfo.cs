using System.Text.RegularExpressions;

namespace DeepDsl.Torch;

/// <summary>
/// Which engine runs the tensors and on what: `deepdsl info`, the first line of `deepdsl run` and summary.json's
/// versions name it, so a result can be traced to the libtorch and BLAS that rounded it.
/// </summary>
public sealed record EngineInfo(string Engine, string LibTorch, string Blas, int Threads, int? BlasThreads, int CudaDevices)
{
    /// <summary>The native engine: DeepDsl's C ABI shim over the libtorch it was built against.</summary>
    public const string Native = "native";

    public static EngineInfo Current()
    {
        var config = torch.config();
        var blasThreads = torch.get_blas_num_threads();
        // Debian builds libtorch against the generic BLAS interface (BLAS_INFO=generic) and the system picks the library:
        // when the shim finds OpenBLAS's thread pool in the process, OpenBLAS is what multiplies.
        var blas = blasThreads is not null ? "OpenBLAS" : BlasOf(config);
        return new EngineInfo(Native, LibTorchVersion(config), blas, torch.get_num_threads(), blasThreads, torch.cuda.device_count());
    }

    /// <summary>The version line the shim writes first: "libtorch 2.6.0".</summary>
    public static string LibTorchVersion(string config) => config.Split('\n')[0].Replace("libtorch ", "", StringComparison.Ordinal).Trim();

    /// <summary>libtorch's build configuration names its BLAS as BLAS_INFO=open (OpenBLAS), mkl, generic, … .</summary>
    private static string BlasOf(string config) =>
        Regex.Match(config, @"BLAS_INFO=(\w+)") is { Success: true } match
            ? match.Groups[1].Value switch { "open" => "OpenBLAS", "mkl" => "MKL", "accelerate" => "Accelerate", var other => other }
            : "unknown";

    /// <summary>One line for people: "native engine, libtorch 2.6.0, OpenBLAS, 1 thread, no CUDA device".</summary>
    public string Describe() =>
        $"{Engine} engine, libtorch {LibTorch}, {Blas}, {Threads} thread{(Threads == 1 ? "" : "s")}, " +
        (CudaDevices == 0 ? "no CUDA device" : $"{CudaDevices} CUDA device{(CudaDevices == 1 ? "" : "s")}");
}
