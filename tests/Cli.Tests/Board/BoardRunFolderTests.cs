using DeepDsl.Cli.Board;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The board's one door, called directly: the HTTP cases in <see cref="BoardPathTests"/> never reach it with a `..` (Kestrel
/// removes dot segments before routing), so each guard is tested here against a run-shaped folder it alone keeps out.
/// </summary>
public sealed class BoardRunFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-board-door-").FullName;

    private string Root => Path.Combine(folder, "runs");

    public BoardRunFolderTests()
    {
        RunShaped(Path.Combine(Root, "tiny", "run-1"));
        // Beside the runs folder: reached by "../outside" from the runs folder.
        RunShaped(Path.Combine(folder, "outside"));
        // A hidden folder (as an lr-find record's .new-GUID staging folder is): never a name the door opens.
        RunShaped(Path.Combine(Root, "tiny", ".hidden"));
        // Inside the runs folder but not at EXPERIMENT/ID: reached by "tiny/../x", which only the folder-name rule refuses.
        RunShaped(Path.Combine(Root, "x"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "tiny", "linked"), Path.Combine(folder, "outside"));
    }

    [Fact]
    public void A_run_folder_inside_is_found() =>
        Assert.Equal(Path.Combine(Root, "tiny", "run-1"), BoardRunFolder.Find(BoardRoot.Of(Root), "tiny", "run-1")?.Path);

    [Theory]
    [InlineData("..", "outside")]
    [InlineData("tiny", "../x")]
    [InlineData(".", "x")]
    [InlineData("tiny", ".hidden")]
    public void A_name_that_is_not_one_folder_finds_nothing(string experiment, string id) =>
        Assert.Null(BoardRunFolder.Find(BoardRoot.Of(Root), experiment, id));

    [Fact]
    public void A_linked_run_folder_leading_out_finds_nothing() => Assert.Null(BoardRunFolder.Find(BoardRoot.Of(Root), "tiny", "linked"));

    [Fact]
    public void A_folder_name_with_a_backslash_is_neither_listed_nor_served()
    {
        RunShaped(Path.Combine(Root, "tiny", "a\\b"));
        Assert.Null(BoardRunFolder.Find(BoardRoot.Of(Root), "tiny", "a\\b"));
        Assert.Equal(["tiny/run-1"], new BoardRecords(Root).Runs().Select(r => $"{r.Experiment}/{r.Id}"));
    }

    [Fact]
    public void A_runs_folder_reached_through_a_link_is_resolved_once_and_keeps_every_guard()
    {
        var linked = Path.Combine(folder, "runs-link");
        Directory.CreateSymbolicLink(linked, Root);
        var root = BoardRoot.Of(linked);
        Assert.Equal(DeepDsl.IO.PathGuard.Resolve(Root), root.Resolved);
        Assert.Equal(Path.Combine(linked, "tiny", "run-1"), BoardRunFolder.Find(root, "tiny", "run-1")?.Path);
        Assert.Null(BoardRunFolder.Find(root, "tiny", "linked"));
        Assert.Null(BoardRunFolder.Find(root, "..", "outside"));
        Assert.False(root.Holds(Path.Combine(folder, "outside", "spec.yaml")));
    }

    // Only what the door asks of a run: a folder holding spec.yaml.
    private static void RunShaped(string path)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "spec.yaml"), "name: secret\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
