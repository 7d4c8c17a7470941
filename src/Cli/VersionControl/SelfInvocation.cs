using DeepDsl.Processes;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// This program's (<see cref="SelfCommand.Current"/>) shell form: how git configuration and hooks run deepdsl (git runs them through sh), chosen
/// so that they outlive this process's files: a tool update or uninstall removes the versioned folder the running deepdsl
/// lies in (`~/.dotnet/tools/.store/deepdsl.cli/0.1.0/…`), so an installed tool is recorded by its command name, looked up
/// on PATH each time (the tool's shim, `~/.dotnet/tools/deepdsl`, stays put); a checkout's `./deepdsl` by that script (it
/// rebuilds what changed); a bare `dotnet deepdsl.dll` (tests) by that pair. <see cref="Present"/> is the shell test for
/// "it is still there", so that what git runs can fall back, rather than die, when it is not.
/// </summary>
internal sealed record SelfInvocation(string Command, string Present)
{
    public const string CommandName = "deepdsl";

    /// <summary>This program as git's configuration and hooks run it.</summary>
    public static SelfInvocation Current() => Of(SelfCommand.Current());

    private static SelfInvocation Of(SelfCommand self)
    {
        var process = self.Words[0];
        if (self.DotnetAssembly is { } assembly)
        {
            // ./deepdsl (scripts/env.sh exports DEEPDSL_ROOT) runs the build under src/Cli/bin: record the script.
            if (Environment.GetEnvironmentVariable("DEEPDSL_ROOT") is { Length: > 0 } root &&
                assembly.StartsWith(Path.Combine(root, "src", "Cli", "bin") + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                File.Exists(Path.Combine(root, CommandName)))
                return Runs(ShellWord.Quote(Path.Combine(root, CommandName)));
            return new SelfInvocation(ShellWord.Line(self.Words), $"[ -f {ShellWord.Quote(assembly)} ] && command -v {ShellWord.Quote(process)} >/dev/null 2>&1");
        }
        // An installed tool: its name on PATH when that is how it is found; else this very file, which the
        // fallback covers once an update has removed it.
        return Runs(IsOnPath(CommandName) ? CommandName : ShellWord.Line(self.Words));
    }

    /// <summary>Whether <paramref name="name"/> is an executable file in a folder of PATH, as sh would find it.</summary>
    public static bool IsOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .Any(file => File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0));

    private static SelfInvocation Runs(string command) => new(command, $"command -v {command} >/dev/null 2>&1");
}
