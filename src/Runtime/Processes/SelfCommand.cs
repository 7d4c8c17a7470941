using System.Diagnostics;
using System.Reflection;

namespace DeepDsl.Processes;

/// <summary>
/// The one way DeepDsl starts this same program again — a sweep's trial (`deepdsl run`), a rank of `run --nproc`, git's
/// diff driver and hooks: the installed tool's executable, or `dotnet deepdsl.dll` from a checkout or a test.
/// <see cref="Words"/> is that command as a process starts it; <see cref="Shell"/> is its form for a script that must outlive
/// this process's files (git configuration and hooks).
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
    public ProcessStartInfo Start(IEnumerable<string> arguments) => Started([.. Words, .. arguments]);

    /// <summary>A process of the command line <paramref name="words"/> (its first word the program), with no shell in between.</summary>
    public static ProcessStartInfo Started(IReadOnlyList<string> words)
    {
        var start = new ProcessStartInfo(words[0]) { UseShellExecute = false };
        foreach (var word in words.Skip(1)) start.ArgumentList.Add(word);
        return start;
    }

    /// <summary>This command as a shell runs it from git's configuration and hooks (<see cref="SelfInvocation"/>).</summary>
    public SelfInvocation Shell() => SelfInvocation.Of(this);

    internal static bool IsDotnet(string program) => Path.GetFileNameWithoutExtension(program) == "dotnet";
}
