using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DeepDsl.Torch;
using TS = global::TorchSharp.torch;
using TSDeviceType = global::TorchSharp.DeviceType;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// Loads TorchSharp's glue (<c>libLibTorchSharp.so</c>) and the libtorch beside it, or says in one message why not.
/// The glue is loaded first, by the same name TorchSharp uses, from the app's native assets (the
/// <c>TorchSharp-cpu</c>/<c>libtorch-*</c> package a project references): when the loader refuses it, its own reason is
/// what the user needs. TorchSharp would instead go on to copy libtorch out of the NuGet cache and print a message
/// that blames a missing package reference, which is wrong on Debian 12, where the glue needs a newer libstdc++.
/// A glue that cannot load leaves nothing of libtorch 2.x running in the process (the loader checks symbol versions
/// before any library's initialisers run), so the native engine can still load after it.
/// </summary>
internal static partial class LibTorchSharpLoader
{
    private const string Glue = "LibTorchSharp";

    public static void Load()
    {
        if (GlueWithoutLibTorch(NativeFolders()) is { } folder)
            throw new LibTorchMissingException(NoLibTorch + $" (TorchSharp's glue is in {folder}, no libtorch beside it)");
        if (!NativeLibrary.TryLoad(Glue, typeof(TS).Assembly, null, out _))
            throw new LibTorchMissingException(Explain(LoaderError(), Distribution(), NewestGlibcxx()));
        try { TS.InitializeDeviceType(TSDeviceType.CPU); }
        catch (Exception error) when (error is NotSupportedException or DllNotFoundException or InvalidOperationException)
        {
            throw new LibTorchMissingException($"the TorchSharp engine cannot load here: {LibTorchErrors.Message(error.Message)}");
        }
    }

    private const string NoLibTorch =
        "the TorchSharp engine has no libtorch here: reference TorchSharp-cpu (or TorchSharp-cuda-linux, TorchSharp-cuda-windows) " +
        "beside DeepDsl in the project, or run with --engine native";

    /// <summary>
    /// The first folder of the app's native files that holds TorchSharp's glue without a libtorch beside it, or null.
    /// The DeepDsl package brings the glue (it comes with TorchSharp's managed package); libtorch comes only with a
    /// TorchSharp libtorch package. Without one, the glue would look for libtorch along the system's paths and could
    /// bind to another libtorch than the 2.10 it was built for (Debian 13's libtorch-dev installs a 2.6 there), so the
    /// engine refuses before loading anything.
    /// </summary>
    internal static string? GlueWithoutLibTorch(IEnumerable<string> folders)
    {
        var (glue, libtorch) =
            OperatingSystem.IsWindows() ? ("LibTorchSharp.dll", "torch_cpu.dll") :
            OperatingSystem.IsMacOS() ? ("libLibTorchSharp.dylib", "libtorch_cpu.dylib") :
            ("libLibTorchSharp.so", "libtorch_cpu.so");
        var first = folders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, glue)));
        return first is not null && !File.Exists(Path.Combine(first, libtorch)) ? first : null;
    }

    /// <summary>Where the host looks for the app's native files: the folders its .deps.json names, then the app's own.</summary>
    private static IEnumerable<string> NativeFolders() =>
        ((AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Append(AppContext.BaseDirectory);

    /// <summary>One line from what the loader said: what is missing, and what to do about it.</summary>
    internal static string Explain(string loaderError, string? distribution, string? newestGlibcxx)
    {
        // .NET tries the name in several places and forms and gives the loader's answer for each, one per line.
        var lines = loaderError.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("Unable to load", StringComparison.Ordinal)).ToList();
        if (lines.FirstOrDefault(l => l.Contains("GLIBCXX_", StringComparison.Ordinal) && l.Contains("not found", StringComparison.Ordinal)) is { } glibcxx)
        {
            var required = GlibcxxVersion().Match(glibcxx).Value;
            var gcc = required == "GLIBCXX_3.4.32" ? "GCC 13's libstdc++" : "a newer libstdc++";
            var offered = newestGlibcxx is null ? "an older one" : $"an older one (its newest is {newestGlibcxx})";
            return $"the TorchSharp engine cannot load here: its glue libLibTorchSharp.so needs {gcc} ({required}), and " +
                   $"{distribution ?? "this system"} has {offered}; the native engine serves this machine: run with --engine native";
        }
        var libtorchMissing = lines.Any(l => MissingDependency().Match(l) is { Success: true } m
                                             && (m.Groups["dependency"].Value.StartsWith("libtorch", StringComparison.Ordinal) || m.Groups["dependency"].Value.StartsWith("libc10", StringComparison.Ordinal)));
        if (libtorchMissing || lines.All(l => MissingFile().IsMatch(l))) return NoLibTorch;
        var reason = lines.FirstOrDefault(l => !MissingFile().IsMatch(l)) ?? "no reason given";
        return $"the TorchSharp engine cannot load here: {reason}";
    }

    /// <summary>What the dynamic loader said, one line per place it looked (.NET gathers them into its exception).</summary>
    private static string LoaderError()
    {
        try
        {
            NativeLibrary.Load(Glue, typeof(TS).Assembly, null);
            return "the library loaded on a second try";
        }
        catch (DllNotFoundException error) { return error.Message; }
        catch (BadImageFormatException error) { return error.Message; }
    }

    /// <summary>The distribution's name as it gives it (/etc/os-release PRETTY_NAME), e.g. "Debian GNU/Linux 12 (bookworm)".</summary>
    private static string? Distribution()
    {
        try
        {
            return File.ReadLines("/etc/os-release")
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The newest GLIBCXX symbol version of the libstdc++ this process runs with (its version strings, read from the file).</summary>
    private static string? NewestGlibcxx()
    {
        try
        {
            var library = File.ReadLines("/proc/self/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
                .FirstOrDefault(path => path is not null && path.Contains("libstdc++.so", StringComparison.Ordinal));
            if (library is null) return null;
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(library));
            return GlibcxxVersion().Matches(text)
                .Select(m => m.Value)
                .Distinct()
                .OrderByDescending(v => Version.Parse(v["GLIBCXX_".Length..]))
                .FirstOrDefault();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    [GeneratedRegex(@"GLIBCXX_\d+\.\d+(\.\d+)?")]
    private static partial Regex GlibcxxVersion();

    /// <summary>"path/libLibTorchSharp.so: libtorch.so: cannot open shared object file": the glue is there, a library it needs is not.</summary>
    [GeneratedRegex(@"^[^:]+: (?<dependency>[^:\s]+): cannot open shared object file")]
    private static partial Regex MissingDependency();

    /// <summary>"path/libLibTorchSharp.so: cannot open shared object file": nothing by that name in that place.</summary>
    [GeneratedRegex(@"^[^:]+: cannot open shared object file")]
    private static partial Regex MissingFile();
}
