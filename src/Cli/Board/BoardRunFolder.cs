using DeepDsl.Runs;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's one door from a request to a run folder (or an lr-find record): an experiment and an id that are each a
/// single folder name, naming a folder that lies inside the runs folder once every link is resolved (<see cref="IO.PathGuard"/>).
/// Anything else, a traversal however it was encoded, an absolute path or a link leading out, is no run: the board answers 404.
/// </summary>
internal static class BoardRunFolder
{
    /// <summary>The run <paramref name="experiment"/>/<paramref name="id"/> under <paramref name="root"/>, or null when there is none to serve.</summary>
    public static RunDirectory? Find(string root, string? experiment, string? id) => Find(BoardRoot.Of(root), experiment, id);

    /// <summary>
    /// As <see cref="Find(string, string?, string?)"/>, under a root resolved once for the request. The run folder and its
    /// spec.yaml are checked here; a caller checks each other record it reads (<see cref="BoardRoot.Holds"/>), the spec not again.
    /// </summary>
    public static RunDirectory? Find(BoardRoot root, string? experiment, string? id) =>
        IsFolderName(experiment) && IsFolderName(id) ? Open(root, Path.Combine(root.Path, experiment!, id!)) : null;

    /// <summary>The lr-find record <paramref name="experiment"/>/lr-find/<paramref name="id"/> under <paramref name="root"/>, by the same rules, or null.</summary>
    public static LrFindDirectory? FindLrFind(string root, string? experiment, string? id)
    {
        if (!IsFolderName(experiment) || !IsFolderName(id)) return null;
        var resolved = BoardRoot.Of(root);
        return Served(resolved, Path.Combine(resolved.Path, experiment!, LrFindDirectory.FolderName, id!), LrFindDirectory.SummaryFileName) is { } folder
            ? new LrFindDirectory(folder) : null;
    }

    /// <summary>The run folder <paramref name="folder"/> (a path the caller built from checked names), or null unless it and its spec lie inside the runs folder.</summary>
    public static RunDirectory? Open(string root, string folder) => Open(BoardRoot.Of(root), folder);

    /// <inheritdoc cref="Open(string, string)"/>
    public static RunDirectory? Open(BoardRoot root, string folder) =>
        Served(root, folder, RunDirectory.SpecFileName) is { } served ? new RunDirectory(served) : null;

    // The folder, when it and its record (the file that makes it one) lie inside the runs folder.
    private static string? Served(BoardRoot root, string folder, string record)
    {
        if (!root.Holds(folder) || !Directory.Exists(folder)) return null;
        var file = Path.Combine(folder, record);
        return root.Holds(file) && File.Exists(file) ? folder : null;
    }

    /// <summary>Whether <paramref name="path"/> (a run folder or one of its records) may be read: inside the runs folder with links resolved.</summary>
    public static bool IsServed(string root, string path) => BoardRoot.Of(root).Holds(path);

    // One component, as written on disk: no separator (of either kind), no dot names, no NUL; a rooted name is refused by the separator.
    public static bool IsFolderName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not "." and not ".." && name.IndexOfAny(['/', '\\', '\0']) < 0 && name.Length <= 255;
}
