using DeepDsl.Dsl.Model;
using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's one door from a request to a sweep, beside <see cref="BoardRunFolder"/> and over the same checks: a sweep name
/// that is a single folder name, naming &lt;runs&gt;/NAME/sweep/ with its sweep.json inside the runs folder once every link is
/// resolved; and a trial's run folder, named by a spec hash (hexadecimal only), inside that sweep folder and the runs folder.
/// Anything else is no sweep: the board answers 404.
/// </summary>
internal static class BoardSweepFolder
{
    /// <summary>The sweep <paramref name="name"/> under <paramref name="root"/>, or null when there is none to serve.</summary>
    public static SweepFolder? Find(string root, string? name)
    {
        if (!BoardRunFolder.IsFolderName(name)) return null;
        var folder = SweepFolder.For(root, name!);
        return BoardRunFolder.IsServed(root, folder.Path) && Directory.Exists(folder.Path) && IsServed(root, folder.StateFile) ? folder : null;
    }

    /// <summary>The run folder of trial <paramref name="hash"/> of the sweep <paramref name="name"/>, or null when the board does not serve it.</summary>
    public static RunDirectory? Trial(string root, string? name, string? hash)
    {
        if (!SpecHash.IsWellFormed(hash) || Find(root, name) is not { } sweep) return null;
        try
        {
            return BoardRunFolder.Open(root, sweep.TrialRun(hash!));
        }
        catch (RunException)
        {
            // The trial's folder is a link out of the sweep folder.
            return null;
        }
    }

    /// <summary>Whether the sweep file <paramref name="file"/> exists and may be read: inside the runs folder with links resolved.</summary>
    public static bool IsServed(string root, string file) => File.Exists(file) && BoardRunFolder.IsServed(root, file);
}
