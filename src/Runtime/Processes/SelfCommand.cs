using System.Diagnostics;
using System.Reflection;

namespace DeepDsl.Processes;

/// <summary>
/// The one way DeepDsl starts this same program again — a sweep's trial (`deepdsl run`), a rank of `run --nproc`, git's
/// diff driver and hooks: the installed tool's executable, or `dotnet deepdsl.dll` from a checkout or a test.
/// <see cref="Words"/> is that command as a process starts it.
/// </summary>
public sealed record SelfCommand(IReadOnlyList<string> Words)
{
    /// <summary>The program running now, as it was started (`dotnet program.dll` when the host is dotnet).</summary>
    public static SelfCommand Current()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return IsDotnet(process) ? new([process, Assembly.GetEntryAssembly()!.Location]) : new([process]);
    }

    /// <summary>A process of this command with <paramref name="arguments"/> after it (no shell in between).</summary>
    public ProcessStartInfo Start(IEnumerable<string> arguments) => ProcessStart.Of([.. Words, .. arguments]);

    /// <summary>The assembly that dotnet runs, when this command is `dotnet program.dll`; else null (an executable of its own).</summary>
    public string? DotnetAssembly => Words is [var process, var assembly] && IsDotnet(process) ? assembly : null;

    private static bool IsDotnet(string program) => Path.GetFileNameWithoutExtension(program) == "dotnet";
}
