using DeepDsl.Cli.Specs;
using DeepDsl.Dsl.Resolution;
using DeepDsl.IO;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The spec files of one revision: the diffed file's own text as git handed it over, and the other files
/// from that revision. At a commit or the index every file of the repository is read from git's objects
/// (<see cref="RevisionTree"/>), never from the disk; `extends` keeps the disk's policy — only inside the
/// spec's project (and the repository), regular files, the size cap — and a committed symbolic link that
/// leads out is refused (DDSL017). The working tree is the disk (<see cref="ProjectFileSystem"/>).
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
        // The user's own settings above the repository (a .editorconfig in their home) are not versioned:
        // they hold for every revision, read from the disk through the guarded reader.
        if (revision == GitRevision.WorkTree || git.RelativePath(fullPath) is null) return ProjectFileSystem.Instance.Read(fullPath);
        return new RevisionTree(git, revision.Commit, git.WorkingDirectory, ProjectFileSystem.MaxBytes).Read(fullPath);
    }

    /// <summary>An `extends` reaches only files of the project, at this revision, as on disk it reaches only the project.</summary>
    public SpecFileRead ReadBase(string rootSpec, string fullPath)
    {
        if (revision == GitRevision.WorkTree) return ProjectFileSystem.Instance.ReadBase(rootSpec, fullPath);
        if (ProjectAtRevision(rootSpec) is not { } project)
            return SpecFileRead.Refused($"the project ({ProjectFileSystem.RootVariable}) does not hold the repository, whose files are all {revision} holds");
        return new RevisionTree(git, revision.Commit, project, ProjectFileSystem.MaxBytes).Read(fullPath);
    }

    /// <summary>
    /// The project of <paramref name="rootSpec"/> as the disk's policy finds it (from the spec's folder, not
    /// through links, as the spec may be gone from the disk), within the repository: a revision has no other files.
    /// </summary>
    private string? ProjectAtRevision(string rootSpec)
    {
        var project = PathGuard.Resolve(ProjectFileSystem.ProjectRootOf(Path.GetDirectoryName(rootSpec)!));
        if (git.RelativePath(project) is not null) return Path.TrimEndingDirectorySeparator(project);
        var fromProject = Path.GetRelativePath(project, git.WorkingDirectory);
        var holdsRepository = fromProject != ".." && !fromProject.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(fromProject);
        return holdsRepository ? git.WorkingDirectory : null;
    }
}
