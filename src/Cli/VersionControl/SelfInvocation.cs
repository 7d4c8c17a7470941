using DeepDsl.Cli.Shell;

namespace DeepDsl.Cli.VersionControl;

/// <summary>The shell command line that runs this same deepdsl, for git configuration and hooks (git runs them through sh).</summary>
internal static class SelfInvocation
{
    public static string CommandLine()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(process);
        // Run as `dotnet deepdsl.dll` (./deepdsl, tests): git must call the same pair.
        return name == "dotnet" ? $"{ShellWord.Quote(process)} {ShellWord.Quote(typeof(SelfInvocation).Assembly.Location)}" : ShellWord.Quote(process);
    }
}
