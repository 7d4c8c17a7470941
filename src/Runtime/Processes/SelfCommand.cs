using System.Reflection;

namespace DeepDsl.Cli.Sweeps;

/// <summary>How to start this same `deepdsl` again (for trials): the installed tool's executable, or `dotnet deepdsl.dll` from a checkout.</summary>
internal static class SelfCommand
{
    public static IReadOnlyList<string> Prefix()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = Assembly.GetEntryAssembly()!.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, assembly] : [process];
    }
}
