using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The spec files of one revision: the diffed file's own text as git handed it over, and every other
/// file inside the repository (its `extends` chain, .editorconfig) from <see cref="GitRevision"/>.
/// Files outside the repository are read from the disk, as they are not versioned with it.
/// </summary>
internal sealed class GitRevisionFileSystem : ISpecFileSystem
{
    private readonly Git git;
    private readonly GitRevision revision;
    private readonly string diffedPath;
    private readonly string diffedText;

    public GitRevisionFileSystem(Git git, GitRevision revision, string diffedPath, string diffedText)
    {
        this.git = git;
        this.revision = revision;
        this.diffedPath = diffedPath;
        this.diffedText = diffedText;
    }

    public bool TryRead(string fullPath, out string text)
    {
        text = "";
        if (fullPath == diffedPath)
        {
            text = diffedText;
            return true;
        }
        var relative = git.RelativePath(fullPath);
        if (relative is null || revision == GitRevision.WorkTree) return DiskFileSystem.Instance.TryRead(fullPath, out text);
        var blob = git.Run("cat-file", "blob", revision.Commit is null ? $":{relative}" : $"{revision.Commit}:{relative}");
        if (blob.Ok)
        {
            text = blob.Text;
            return true;
        }
        return revision == GitRevision.Index && DiskFileSystem.Instance.TryRead(fullPath, out text);
    }
}
