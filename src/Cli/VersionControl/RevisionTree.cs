using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The files of one commit or of the index, read from git's objects only — never from the disk, which
/// holds another version, or a link's target outside the repository. git stores a symbolic link as a blob
/// (mode 120000) holding its target; such a link, as a file or as a folder on the way, is followed at the
/// same revision while its target stays inside <see cref="allowed"/>, as the disk's policy follows links
/// and checks where they end, and is refused when it leads out. Blobs are read with the spec size cap.
/// </summary>
internal sealed class RevisionTree
{
    private const int MaxLinkHops = 40;
    private const string Link = "120000";
    private const string Folder = "040000";
    private const string Submodule = "160000";

    private readonly Git git;
    private readonly string? commit;
    private readonly string allowedRoot;
    private readonly long maxBytes;

    /// <param name="commit">The commit, or null for the index.</param>
    /// <param name="allowedRoot">The folder (inside the repository) whose files may be read; a link leading elsewhere is refused.</param>
    public RevisionTree(Git git, string? commit, string allowedRoot, long maxBytes)
    {
        this.git = git;
        this.commit = commit;
        this.allowedRoot = allowedRoot.TrimEnd(Path.DirectorySeparatorChar);
        this.maxBytes = maxBytes;
    }

    private string Where => commit is null ? "the index" : $"commit {commit[..Math.Min(10, commit.Length)]}";

    /// <summary>The text of the file at <paramref name="fullPath"/> (inside the allowed folder) at this revision.</summary>
    public SpecFileRead Read(string fullPath)
    {
        if (!IsAllowed(fullPath)) return SpecFileRead.Refused($"it lies outside the project {allowedRoot}");
        var parts = git.RelativePath(fullPath)!.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (int hops = 0, i = 0; i < parts.Count;)
        {
            var path = string.Join('/', parts.Take(i + 1));
            var entry = Lookup(path);
            if (entry is null) return SpecFileRead.Missing($"{string.Join('/', parts)} is not in {Where}");
            if (entry.Value.Mode == Link)
            {
                if (++hops > MaxLinkHops) return SpecFileRead.Refused("too many levels of symbolic links");
                var target = Blob(entry.Value.Object);
                if (target.Text is not { } linkTarget) return target;
                var linkFolder = Path.GetDirectoryName(Path.Combine(git.WorkingDirectory, path))!;
                string resolved;
                try
                {
                    resolved = Path.GetFullPath(linkTarget, linkFolder);
                }
                catch (ArgumentException)
                {
                    return SpecFileRead.Refused($"{path} is a symbolic link that names no path");
                }
                // The link's target is not printed: it may name something the reader has no business seeing.
                if (!IsAllowed(resolved)) return SpecFileRead.Refused($"{path} is a symbolic link (in {Where}) leading outside the project {allowedRoot}");
                parts = [.. git.RelativePath(resolved)!.Split('/', StringSplitOptions.RemoveEmptyEntries), .. parts.Skip(i + 1)];
                i = 0;
                continue;
            }
            var last = i == parts.Count - 1;
            if (entry.Value.Mode == Folder)
            {
                if (last) return SpecFileRead.Refused("it is a folder, not a file");
                i++;
                continue;
            }
            if (!last) return SpecFileRead.Missing($"{path} is not a folder in {Where}");
            if (entry.Value.Mode == Submodule) return SpecFileRead.Refused("it is a submodule, not a file");
            return Blob(entry.Value.Object);
        }
        return SpecFileRead.Refused("it is a folder, not a file");
    }

    private bool IsAllowed(string fullPath) =>
        git.RelativePath(fullPath) is not null &&
        (fullPath == allowedRoot || fullPath.StartsWith(allowedRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>The mode and object of <paramref name="path"/> (relative to the repository) at this revision; a folder of the index has no object.</summary>
    private (string Mode, string Object)? Lookup(string path)
    {
        // Literal pathspecs: a '*' or '[' in a file name is a name, not a pattern.
        if (commit is not null)
        {
            var tree = git.Run("--literal-pathspecs", "ls-tree", "-z", "--full-tree", commit, "--", path);
            if (!tree.Ok) return null;
            foreach (var record in tree.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
                if (Entry(record) is { } found && found.Path == path) return (found.Mode, found.Object);
            return null;
        }
        // The index holds files only: a folder is a path that others lie under. Stage 0 only: an unmerged file has no one version.
        var index = git.Run("--literal-pathspecs", "ls-files", "-s", "-z", "--full-name", "--", path);
        if (!index.Ok) return null;
        var isFolder = false;
        foreach (var record in index.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Entry(record) is not { } found) continue;
            if (found.Path == path && found.Stage == "0") return (found.Mode, found.Object);
            isFolder |= found.Path.StartsWith(path + "/", StringComparison.Ordinal);
        }
        return isFolder ? (Folder, "") : null;
    }

    /// <summary>One `ls-tree` record (`mode type object\tpath`) or `ls-files -s` record (`mode object stage\tpath`).</summary>
    private (string Mode, string Object, string Stage, string Path)? Entry(string record)
    {
        var tab = record.IndexOf('\t');
        if (tab < 0) return null;
        var fields = record[..tab].Split(' ');
        if (fields.Length != 3) return null;
        return commit is not null
            ? (fields[1] == "tree" ? Folder : fields[0], fields[2], "0", record[(tab + 1)..])
            : (fields[0], fields[1], fields[2], record[(tab + 1)..]);
    }

    private SpecFileRead Blob(string objectId)
    {
        var size = git.Run("cat-file", "-s", objectId);
        if (!size.Ok || !long.TryParse(size.Text.Trim(), out var bytes)) return SpecFileRead.Missing($"object {objectId} is not in the repository");
        if (bytes > maxBytes) return SpecFileRead.Refused($"it has {bytes:N0} bytes; at most {maxBytes:N0} are read");
        var blob = git.Run("cat-file", "blob", objectId);
        return blob.Ok ? SpecFileRead.Of(blob.Text) : SpecFileRead.Missing($"object {objectId} is not in the repository");
    }
}
