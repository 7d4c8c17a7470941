using DeepDsl.IO;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The runs folder as one request sees it: its full path, and the same with every link resolved, once, which each run folder
/// and record the request reads is checked against (<see cref="PathGuard.IsInsideResolved"/>). Made anew for each request,
/// so a runs folder whose links change while the board runs is resolved as it is now. The board reads every record through
/// <see cref="Read"/>.
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

    /// <summary>Why <paramref name="path"/> may not be read: it exists and leads outside the runs folder; null when it may be (or is not there).</summary>
    public string? Refuses(string path) =>
        System.IO.Path.Exists(path) && !Holds(path) ? $"{path} leads outside the runs folder; it is not shown." : null;

    /// <summary>
    /// The record <paramref name="file"/> as <paramref name="read"/> reads it through its door, or null. A missing file is null
    /// with no problem (what its absence means is the caller's to say); one that leads out of the runs folder, or that its
    /// reader finds damaged, is null with the message added to <paramref name="problems"/>: it leaves the rest of the page.
    /// </summary>
    public T? Read<T>(string file, Func<T?> read, List<string> problems) where T : class
    {
        try
        {
            if (!File.Exists(file)) return null;
            if (Refuses(file) is { } why) throw new IOException(why);
            return read();
        }
        catch (Exception error) when (error is RunException or IOException or InvalidDataException)
        {
            problems.Add(error.Message);
            return null;
        }
    }
}
