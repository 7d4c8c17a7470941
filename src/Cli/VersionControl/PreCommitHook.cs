
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
        var self = SelfInvocation.Current();
        // When deepdsl is gone (uninstalled, not on PATH), the hook says so and how to go on: it never blocks in silence.
        IO.AtomicFile.WriteAllText(hook, $$"""
            #!/bin/sh
            # Installed by `deepdsl git hook --install`: validate and fmt --check the staged experiment specs.
            if {{self.Present}}; then
              exec {{self.Command}} git hook
            fi
            echo "deepdsl pre-commit hook: deepdsl was not found, so the staged experiment specs were not checked." >&2
            echo "  Install it again:        dotnet tool install -g DeepDsl.Cli  (with ~/.dotnet/tools on PATH)" >&2
            echo "  Commit without checking: git commit --no-verify" >&2
            echo "  Remove this hook:        rm $0" >&2
            exit 1

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return (true, $"installed {hook}");
    }
}
