namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The fallback of the diff driver: git's own unified text diff of the two files, under the
/// repository path (git hands the driver temporary files, whose names mean nothing to a reader).
/// </summary>
internal static class PlainTextDiff
{
    public static string Of(Git git, string path, string oldFile, string newFile, string? note = null)
    {
        var diff = git.Run("diff", "--no-index", "--no-ext-diff", "--no-textconv", "--no-color", "--", oldFile, newFile);
        var header = $"diff --git a/{path} b/{path}\n" + (note is null ? "" : $"# deepdsl: {note}\n") +
                     $"--- {Side(oldFile, "a", path)}\n+++ {Side(newFile, "b", path)}\n";
        if (diff.ExitCode > 1) return header + $"# deepdsl: no text diff ({diff.Error.Trim()})\n";
        var lines = diff.Text.Split('\n');
        var body = lines.SkipWhile(l => !l.StartsWith("@@", StringComparison.Ordinal) && !l.StartsWith("Binary files", StringComparison.Ordinal));
        return header + string.Join("\n", body);
    }

    private static string Side(string file, string prefix, string path) => file == "/dev/null" ? "/dev/null" : $"{prefix}/{path}";
}
