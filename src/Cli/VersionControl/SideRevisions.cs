namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The revision each side of an external diff is resolved at. git hands the driver each side's blob,
/// not its revision, so the revision is inferred (docs/version-control.md, "Which revision"):
/// <list type="number">
/// <item>A side git hands over as the working-tree file itself, or with a null blob, is the working tree.</item>
/// <item>The new side is HEAD when HEAD holds its blob at the path (`git diff A HEAD`); else the newest commit that wrote that blob there; else the index if it holds it; else the working tree.</item>
/// <item>The old side of a working-tree or index diff is the index (`git diff`) or HEAD (`git diff --cached`) when its blob is theirs.</item>
/// <item>Else, when the new side's commit changed the path from the old blob, the old side is that commit's parent (`git diff A B` across a change).</item>
/// <item>Else the newest commit that wrote the old blob; else the index; else the working tree.</item>
/// </list>
/// </summary>
internal static class SideRevisions
{
    public static (GitRevision Old, GitRevision New) Of(Git git, string path, string oldFile, string oldBlob, string newFile, string newBlob)
    {
        var newWrite = IsWorkTreeFile(git, newFile) || BlobHistory.IsNull(newBlob) ? null : NewestWrite(git, newBlob, path);
        var head = BlobAt(git, "HEAD");
        var newRevision = newWrite is not null && head is not null && BlobAt(git, $"HEAD:{path}") == newBlob ? GitRevision.At(head)
            : newWrite is not null ? GitRevision.At(newWrite.Commit)
            : !IsWorkTreeFile(git, newFile) && !BlobHistory.IsNull(newBlob) && BlobAt(git, $":{path}") == newBlob ? GitRevision.Index
            : GitRevision.WorkTree;
        return (OldRevision(git, path, oldFile, oldBlob, newBlob, newRevision, newWrite), newRevision);
    }

    private static GitRevision OldRevision(Git git, string path, string oldFile, string oldBlob, string newBlob, GitRevision newRevision, BlobHistory.Write? newWrite)
    {
        if (IsWorkTreeFile(git, oldFile) || BlobHistory.IsNull(oldBlob)) return GitRevision.WorkTree;
        if (newRevision.Commit is null)
        {
            if (BlobHistory.IsNull(newBlob) && BlobAt(git, $":{path}") == oldBlob) return GitRevision.Index;
            if (BlobAt(git, $"HEAD:{path}") == oldBlob) return GitRevision.At(BlobAt(git, "HEAD")!);
        }
        if (newWrite is not null && newWrite.PreviousBlob == oldBlob && BlobAt(git, $"{newWrite.Commit}^") is { } parent) return GitRevision.At(parent);
        if (NewestWrite(git, oldBlob, path) is { } oldWrite) return GitRevision.At(oldWrite.Commit);
        return BlobAt(git, $":{path}") == oldBlob ? GitRevision.Index : GitRevision.WorkTree;
    }

    private static BlobHistory.Write? NewestWrite(Git git, string blob, string path) =>
        BlobHistory.Writes(git, blob).FirstOrDefault(w => w.Path == path);

    private static string? BlobAt(Git git, string revision)
    {
        var result = git.Run("rev-parse", "--verify", "--quiet", revision);
        return result.Ok ? result.Text.Trim() : null;
    }

    /// <summary>git passes the checked-out file itself (a path inside the work tree) when it matches the side.</summary>
    private static bool IsWorkTreeFile(Git git, string file) =>
        git.RelativePath(Path.GetFullPath(file, git.WorkingDirectory)) is { } relative && !relative.StartsWith(".git/", StringComparison.Ordinal);
}
