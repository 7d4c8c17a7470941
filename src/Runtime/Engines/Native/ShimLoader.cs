using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Engines.Native;

/// <summary>
/// Finds and loads libdeepdsl_native for <see cref="LibTorch"/>, and turns a failed load into one
/// <see cref="LibTorchMissingException"/> that names the missing library and how to install it —
/// instead of a DllNotFoundException from whichever tensor call happened to come first.
/// </summary>
internal static class ShimLoader
{
    public const string InstallCommand = "sudo apt-get install libtorch1.13 libopenblas0-pthread";
    private const string FileName = "libdeepdsl_native.so";

    // A library's resolver must be in place before its first P/Invoke, which is what module
    // initializers are for; the analyzer's warning is about application-order surprises that do not apply here.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(ShimLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibTorch.Library) return IntPtr.Zero;
        string? firstFailure = null;
        foreach (var path in Candidates(assembly))
        {
            try { return Started(NativeLibrary.Load(path)); }
            catch (DllNotFoundException e) { firstFailure ??= $"{path}: {LoaderReason(e.Message)}"; }
        }
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle)) return Started(handle);
        throw new LibTorchMissingException(firstFailure is null ? NoShim() : UnloadableShim(firstFailure));
    }

    private static int started;

    /// <summary>
    /// The loaded shim with the process's CPU thread count applied (<see cref="CpuThreads"/>) before any math runs — once:
    /// the runtime asks the resolver again for each imported function, and a later call must not undo a
    /// <c>set_num_threads</c>. Called through the export, not a P/Invoke: the runtime is still resolving the library
    /// that P/Invoke would need.
    /// </summary>
    private static unsafe IntPtr Started(IntPtr shim)
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            var setThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(shim, "dd_set_num_threads");
            setThreads(CpuThreads.Default);
        }
        return shim;
    }

    /// <summary>
    /// Where the shim may be, first found first: beside the app (built here from the repository, or
    /// with DEEPDSL_LIBTORCH in a project: it wins over the prebuilt one), beside this library, then the
    /// host's native folders (the DeepDsl package's runtimes/linux-x64/native).
    /// </summary>
    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        var folders = new List<string> { AppContext.BaseDirectory };
        if (Path.GetDirectoryName(assembly.Location) is { Length: > 0 } beside) folders.Add(beside);
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string native)
            folders.AddRange(native.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return folders.Select(folder => Path.GetFullPath(Path.Combine(folder, FileName))).Distinct().Where(File.Exists);
    }

    /// <summary>The dynamic loader's own words (the last line of .NET's message), e.g. "libtorch_cpu.so.1.13: cannot open shared object file".</summary>
    private static string LoaderReason(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;

    private static string UnloadableShim(string reason) =>
        $"DeepDsl could not load its libtorch shim: {reason}\n" +
        $"The prebuilt shim (linux-x64) needs Debian's libtorch 1.13 and OpenBLAS: {InstallCommand}\n" +
        "With another libtorch (a CUDA one, another distribution's), build the shim against it: DEEPDSL_LIBTORCH=/path/to/libtorch dotnet build";

    private static string NoShim() =>
        $"DeepDsl has no prebuilt libtorch shim for {RuntimeInformation.RuntimeIdentifier} (only linux-x64, against Debian's libtorch 1.13: {InstallCommand}).\n" +
        "Build it against a libtorch for this machine (CMake and a C++17 compiler needed): DEEPDSL_LIBTORCH=/path/to/libtorch dotnet build";
}
