using DeepDsl.Dsl.Model;
using DeepDsl.Runs;
using DeepDsl.Runs.LrFinds;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's one door from a request to a run folder, an lr-find record, a sweep or a sweep's trial: names that are each a
/// single folder name (a trial: a spec hash), naming a folder that, with the record that makes it one (spec.yaml,
/// lr_find.json, sweep.json), lies inside the runs folder once every link is resolved (<see cref="IO.PathGuard"/>). Anything
/// else, a traversal however it was encoded, an absolute path or a link leading out, is nothing: the board answers 404.
/// Each request resolves the runs folder once (<see cref="BoardRoot"/>) and passes it to every door it opens.
/// </summary>
internal static class BoardRunFolder
{
    /// <summary>
    /// The run <paramref name="experiment"/>/<paramref name="id"/>, or null when there is none to serve. The run folder and its
    /// spec.yaml are checked here; a caller reads each record through <see cref="BoardRoot.Read"/>.
    /// </summary>
    public static RunDirectory? Find(BoardRoot root, string? experiment, string? id) =>
        IsFolderName(experiment) && IsFolderName(id) ? Open(root, Path.Combine(root.Path, experiment!, id!)) : null;

    /// <summary>The lr-find record <paramref name="experiment"/>/lr-find/<paramref name="id"/>, by the same rules, or null.</summary>
    public static LrFindDirectory? FindLrFind(BoardRoot root, string? experiment, string? id) =>
        IsFolderName(experiment) && IsFolderName(id)
        && Served(root, Path.Combine(root.Path, experiment!, LrFindDirectory.FolderName, id!), LrFindDirectory.SummaryFileName) is { } folder
            ? new LrFindDirectory(folder) : null;

    /// <summary>The sweep <paramref name="name"/> (&lt;runs&gt;/NAME/sweep/ with its sweep.json), by the same rules, or null.</summary>
    public static SweepFolder? FindSweep(BoardRoot root, string? name) =>
        IsFolderName(name) && SweepFolder.For(root.Path, name!) is var sweep && Served(root, sweep.Path, Path.GetFileName(sweep.StateFile)) is not null
            ? sweep : null;

    /// <summary>The run folder of trial <paramref name="hash"/> (hexadecimal only) of the sweep <paramref name="name"/>, or null.</summary>
    public static RunDirectory? FindTrial(BoardRoot root, string? name, string? hash)
    {
        if (!SpecHash.IsWellFormed(hash) || FindSweep(root, name) is not { } sweep) return null;
        try
        {
            return Open(root, sweep.TrialRun(hash!));
        }
        catch (RunException)
        {
            // The trial's folder is a link out of the sweep folder.
            return null;
        }
    }

    // The run folder (a path built from checked names), or null unless it and its spec lie inside the runs folder.
    private static RunDirectory? Open(BoardRoot root, string folder) =>
        Served(root, folder, RunDirectory.SpecFileName) is { } served ? new RunDirectory(served) : null;

    // The folder, when it and its record (the file that makes it one) lie inside the runs folder.
    private static string? Served(BoardRoot root, string folder, string record)
    {
        if (!root.Holds(folder) || !Directory.Exists(folder)) return null;
        var file = Path.Combine(folder, record);
        return root.Holds(file) && File.Exists(file) ? folder : null;
    }

    /// <summary>
    /// One component, as written on disk: no separator (of either kind), no NUL, and no leading dot — neither . nor .. nor a
    /// hidden folder such as an lr-find record's .new-GUID staging folder, which is no record yet. A rooted name is refused by the separator.
    /// </summary>
    public static bool IsFolderName(string? name) =>
        !string.IsNullOrEmpty(name) && name[0] != '.' && name.IndexOfAny(['/', '\\', '\0']) < 0 && name.Length <= 255;
}
