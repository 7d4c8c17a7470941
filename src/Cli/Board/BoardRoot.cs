using DeepDsl.IO;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The runs folder as one request sees it: its full path, and the same with every link resolved, once, which each run folder
/// and record the request reads is checked against (<see cref="PathGuard.IsInsideResolved"/>). Made anew for each request,
/// so a runs folder whose links change while the board runs is resolved as it is now.
/// </summary>
internal sealed record BoardRoot(string Path, string Resolved)
{
    public static BoardRoot Of(string root)
    {
        var full = System.IO.Path.GetFullPath(root);
        return new BoardRoot(full, PathGuard.Resolve(full));
    }

    /// <summary>Whether <paramref name="path"/> lies inside the runs folder once every link is resolved.</summary>
    public bool Holds(string path) => PathGuard.IsInsideResolved(Resolved, path);
}
