using System.Text;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Syntax;
using DeepDsl.IO;

namespace DeepDsl.Cli.Specs;

/// <summary>
/// Specs on the disk, read through <see cref="PathGuard"/>: regular files only, with the language's size cap enforced
/// while reading. A spec is untrusted, so its `extends` reaches only inside its project — the nearest folder above
/// the spec being compiled that holds .git, a *.csproj or Directory.Build.props, else that spec's own folder — after
/// symbolic links are resolved, unless
/// the user names a wider folder in DEEPDSL_EXTENDS_ROOT.
/// </summary>
internal sealed class ProjectFileSystem : ISpecFileSystem
{
    public const string RootVariable = "DEEPDSL_EXTENDS_ROOT";

    /// <summary>The most bytes read of one spec: the loader refuses texts over MaxFileChars characters, and UTF-8 takes at most 4 bytes for one.</summary>
    public const long MaxBytes = 4L * YamlLoader.MaxFileChars;

    public static readonly ProjectFileSystem Instance = new();

    public SpecFileRead Read(string fullPath) => ReadText(fullPath);

    public SpecFileRead ReadBase(string rootSpec, string fullPath) => Refusal(rootSpec, fullPath) ?? ReadText(fullPath);

    /// <summary>Why `extends` of <paramref name="rootSpec"/> may not reach <paramref name="fullPath"/>, or null when it may (the language server asks this before it reads an open document instead of the disk).</summary>
    public static SpecFileRead? Refusal(string rootSpec, string fullPath)
    {
        var project = ProjectRoot(rootSpec);
        return PathGuard.IsInside(project, fullPath)
            ? null
            : SpecFileRead.Refused($"it lies outside the project {project} (to allow it, set {RootVariable} to a folder holding both files)");
    }

    /// <summary>Where `extends` of <paramref name="rootSpec"/> may reach: DEEPDSL_EXTENDS_ROOT, else the nearest folder holding .git, a *.csproj or Directory.Build.props, else the spec's folder.</summary>
    public static string ProjectRoot(string rootSpec) => ProjectRootOf(Path.GetDirectoryName(PathGuard.Resolve(rootSpec))!);

    /// <summary>The project of the specs in <paramref name="folder"/>: DEEPDSL_EXTENDS_ROOT, else the nearest folder from it up that marks a project, else the folder itself.</summary>
    public static string ProjectRootOf(string folder)
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
            if (MarksProject(dir)) return dir;
        return folder;
    }

    /// <summary>
    /// A repository's top (.git, a folder or a worktree's file), or a .NET project's folder (a *.csproj, or
    /// Directory.Build.props): the nearest wins. That is what `dotnet build` lets a spec reach (its project's
    /// files), and a project inside a repository is not widened to the repository, nor a folder without git
    /// narrowed to the spec's own folder (`dotnet new deepdsl` makes such a project).
    /// </summary>
    private static bool MarksProject(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, "Directory.Build.props"))) return true;
        try
        {
            return Directory.EnumerateFiles(folder, "*.csproj").Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a folder we may not list marks nothing
        }
    }

    private static SpecFileRead ReadText(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) return SpecFileRead.Missing($"looked for {path}");
        // An empty regular file is a spec with no text, so the language says what it lacks (DDSL004), as the generator and
        // the language server say of an empty text; the guard refuses size 0 because a /proc file reports it, and from
        // one nothing is read here either.
        if (PathGuard.Examine(path) is (FileKind.RegularFile, 0)) return SpecFileRead.Of("");
        try
        {
            return SpecFileRead.Of(new UTF8Encoding(false).GetString(PathGuard.ReadFile(path, MaxBytes)));
        }
        catch (IOException error)
        {
            // Not a regular file, too large, unreadable: the guard's reason, without the path the diagnostic already names.
            return SpecFileRead.Refused(error.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? error.Message[(path.Length + 2)..] : error.Message);
        }
    }
}
