using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's one door from a request to a run folder: an experiment and a run id that are each a single folder name, naming
/// a run folder that lies inside the runs folder once every link is resolved (<see cref="IO.PathGuard"/>). Anything else, a
/// traversal however it was encoded, an absolute path or a link leading out, is no run: the board answers 404.
/// </summary>
internal static class BoardRunFolder
{
    /// <summary>The run <paramref name="experiment"/>/<paramref name="id"/> under <paramref name="root"/>, or null when there is none to serve.</summary>
    public static RunDirectory? Find(string root, string? experiment, string? id) => Find(BoardRoot.Of(root), experiment, id);

    /// <summary>
    /// As <see cref="Find(string, string?, string?)"/>, under a root resolved once for the request. The run folder and its
    /// spec.yaml are checked here; a caller checks each other record it reads (<see cref="BoardRoot.Holds"/>), the spec not again.
    /// </summary>
    public static RunDirectory? Find(BoardRoot root, string? experiment, string? id)
    {
        if (!IsFolderName(experiment) || !IsFolderName(id)) return null;
        var folder = Path.Combine(root.Path, experiment!, id!);
        if (!root.Holds(folder) || !Directory.Exists(folder)) return null;
        var run = new RunDirectory(folder);
        return root.Holds(run.SpecFile) && File.Exists(run.SpecFile) ? run : null;
    }

    /// <summary>Whether <paramref name="path"/> (a run folder or one of its records) may be read: inside the runs folder with links resolved.</summary>
    public static bool IsServed(string root, string path) => BoardRoot.Of(root).Holds(path);

    // One component, as written on disk: no separator (of either kind), no dot names, no NUL; a rooted name is refused by the separator.
    private static bool IsFolderName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not "." and not ".." && name.IndexOfAny(['/', '\\', '\0']) < 0 && name.Length <= 255;
}
