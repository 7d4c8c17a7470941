using DeepDsl.Cli.Specs;
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

    public SpecFileRead Read(string fullPath)
    {
        if (fullPath == diffedPath) return SpecFileRead.Of(diffedText);
        var relative = git.RelativePath(fullPath);
        if (relative is null || revision == GitRevision.WorkTree) return ProjectFileSystem.Instance.Read(fullPath);
        var blob = git.Run("cat-file", "blob", revision.Commit is null ? $":{relative}" : $"{revision.Commit}:{relative}");
        if (blob.Ok) return SpecFileRead.Of(blob.Text);
        return revision == GitRevision.Index ? ProjectFileSystem.Instance.Read(fullPath) : SpecFileRead.Missing($"{relative} is not in {revision.Commit}");
    }

    /// <summary>An `extends` reaches only files of the repository (at this revision), as on disk it reaches only the project.</summary>
    public SpecFileRead ReadBase(string rootSpec, string fullPath)
    {
        if (git.RelativePath(fullPath) is null && fullPath != diffedPath) return ProjectFileSystem.Instance.ReadBase(rootSpec, fullPath);
        return revision == GitRevision.WorkTree ? ProjectFileSystem.Instance.ReadBase(rootSpec, fullPath) : Read(fullPath);
    }
}
