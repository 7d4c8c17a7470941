using System.Reflection;
using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Runs;

/// <summary>The versions a run records in summary.json: DeepDsl's, the engine's and its libtorch and BLAS, .NET's and the OS's.</summary>
public static class RunVersions
{
    /// <summary>This process's versions (the engine's as loaded).</summary>
    public static IReadOnlyDictionary<string, string> Current() => Of(EngineInfo.Current());

    private static IReadOnlyDictionary<string, string> Of(EngineInfo engine) => new Dictionary<string, string>
    {
        ["deepdsl"] = typeof(RunVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        ["engine"] = engine.Engine,
        ["libtorch"] = engine.LibTorch,
        ["blas"] = engine.Blas,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
    };
}
