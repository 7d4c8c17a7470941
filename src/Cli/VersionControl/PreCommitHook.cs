namespace DeepDsl.Cli.VersionControl;

/// <summary>`deepdsl git hook --install`: a pre-commit hook that runs `deepdsl git hook` (this same deepdsl); an existing hook of someone else's is left alone.</summary>
internal static class PreCommitHook
{
    public static (bool Installed, string Message) Install(Git git)
    {
        var hook = Path.GetFullPath(git.Run("rev-parse", "--git-path", "hooks/pre-commit").Text.Trim(), git.WorkingDirectory);
        if (File.Exists(hook) && !File.ReadAllText(hook).Contains("deepdsl git hook", StringComparison.Ordinal))
            return (false, $"{hook}: error: a pre-commit hook exists already; add `deepdsl git hook` to it, or use pre-commit (.pre-commit-hooks.yaml)");
        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        File.WriteAllText(hook,
            $"#!/bin/sh\n# Installed by `deepdsl git hook --install`: validate and fmt --check the staged experiment specs.\nexec {SelfInvocation.CommandLine()} git hook\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return (true, $"installed {hook}");
    }
}
