using DeepDsl.Runs;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of the lr-find records under a runs folder, through their doors (<see cref="LrFindCatalog"/>,
/// <see cref="LrFindDirectory"/>): nothing here parses a record. A damaged record is listed with its reader's message.
/// </summary>
internal sealed class BoardLrFinds(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Every lr-find record the board's one door (<see cref="BoardRunFolder.FindLrFind"/>) opens, oldest first.</summary>
    public IReadOnlyList<BoardLrFind> List()
    {
        var root = BoardRoot.Of(Root);
        return [.. LrFindCatalog.List(Root).Select(e => BoardRunFolder.FindLrFind(root, e.Experiment, e.Id) is { } record ? Row(root, e.Experiment, e.Id, record, [], out _) : null)
            .OfType<BoardLrFind>()];
    }

    /// <summary>The record's page, or null when <paramref name="experiment"/>/<paramref name="id"/> names no record the board serves.</summary>
    public BoardLrFindPage? Page(string? experiment, string? id)
    {
        var root = BoardRoot.Of(Root);
        if (BoardRunFolder.FindLrFind(root, experiment, id) is not { } record) return null;
        var problems = new List<string>();
        var row = Row(root, experiment!, id!, record, problems, out var summary);
        // The steps are checked against the summary the row read (lr_find.json is read once); a damaged summary has said so already.
        var steps = summary is null ? null : root.Read(record.StepsFile, () => record.ReadSteps(summary), problems);
        // A record is written whole: one without its steps is damaged, not one still being written.
        if (summary is not null && steps is null && !File.Exists(record.StepsFile)) problems.Add($"{record.StepsFile}: no such file; the record is damaged.");
        return new BoardLrFindPage(row, steps is null ? BoardLrFindCurve.None : BoardLrFindCurve.Of(steps), root.Read(record.SpecFile, record.ReadSpec, problems), problems);
    }

    // A summary gone since the door found it (the record was removed) reads as its reader says a missing one is.
    private static BoardLrFind Row(BoardRoot root, string experiment, string id, LrFindDirectory record, List<string> problems, out LrFindSummary? summary)
    {
        var before = problems.Count;
        summary = root.Read(record.SummaryFile, record.ReadSummary, problems);
        if (summary is null)
            return new BoardLrFind(experiment, id, null, null, null, null, null, null, null,
                problems.Count > before ? problems[^1] : $"{record.SummaryFile}: no such file; {record.Path} is not a DeepDsl lr-find record.");
        return new BoardLrFind(experiment, id, summary.Started, summary.Method, summary.Steps, summary.StoppedEarly, summary.Suggestions,
            summary.Versions.GetValueOrDefault("engine"), summary.Device, null);
    }
}
