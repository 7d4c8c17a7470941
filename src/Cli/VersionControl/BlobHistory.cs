namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The commits that wrote a given blob (file version), found with `git log --find-object`: git hands
/// a diff driver blobs, not revisions, so this is how a side of a diff finds the commit its
/// `extends` chain should be read at.
/// </summary>
internal static class BlobHistory
{
    /// <summary>One commit that changed a path to the blob: the commit, the path, and the blob the path held before.</summary>
    public sealed record Write(string Commit, string Path, string PreviousBlob);

    /// <summary>Commits that wrote <paramref name="blob"/>, newest first (every branch); empty when no commit holds it.</summary>
    public static IReadOnlyList<Write> Writes(Git git, string blob)
    {
        if (IsNull(blob)) return [];
        var log = git.Run("log", "--all", "--no-ext-diff", "--no-textconv", "--no-renames", "--no-abbrev", "--raw", "--format=commit %H", $"--find-object={blob}");
        if (!log.Ok) return [];
        var writes = new List<Write>();
        string? commit = null;
        foreach (var line in log.Text.Split('\n'))
        {
            if (line.StartsWith("commit ", StringComparison.Ordinal)) commit = line[7..].Trim();
            // :100644 100644 <old> <new> M<TAB>path
            if (commit is null || !line.StartsWith(':')) continue;
            var tab = line.IndexOf('\t');
            var fields = line[..Math.Max(tab, 0)].Split(' ');
            if (tab < 0 || fields.Length < 5 || fields[3] != blob) continue;
            writes.Add(new Write(commit, line[(tab + 1)..], fields[2]));
        }
        return writes;
    }

    /// <summary>git's name for "no blob" (an added or deleted side, or a working-tree file not hashed yet).</summary>
    public static bool IsNull(string blob) => blob.Length == 0 || blob.All(c => c == '0') || blob == ".";
}
