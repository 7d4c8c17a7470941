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
    public IReadOnlyList<BoardLrFind> List() =>
        [.. LrFindCatalog.List(Root).Select(e => BoardRunFolder.FindLrFind(Root, e.Experiment, e.Id) is { } record ? Row(e.Experiment, e.Id, record, []) : null)
            .OfType<BoardLrFind>()];

    /// <summary>The record's page, or null when <paramref name="experiment"/>/<paramref name="id"/> names no record the board serves.</summary>
    public BoardLrFindPage? Page(string? experiment, string? id)
    {
        if (BoardRunFolder.FindLrFind(Root, experiment, id) is not { } record) return null;
        var problems = new List<string>();
        var row = Row(experiment!, id!, record, problems);
        // The steps are read with the summary they must agree with; a damaged summary has said so already.
        var steps = row.Problem is null ? Read(record.StepsFile, () => record.ReadRecords().Steps, problems) : null;
        return new BoardLrFindPage(row, steps is null ? BoardLrFindCurve.None : BoardLrFindCurve.Of(steps), Read(record.SpecFile, record.ReadSpec, problems), problems);
    }

    private BoardLrFind Row(string experiment, string id, LrFindDirectory record, List<string> problems)
    {
        if (Read(record.SummaryFile, record.ReadSummary, problems) is not { } summary)
            return new BoardLrFind(experiment, id, null, null, null, null, null, null, null, problems[^1]);
        return new BoardLrFind(experiment, id, summary.Started, summary.Method, summary.Steps, summary.StoppedEarly, summary.Suggestions,
            summary.Versions.GetValueOrDefault("engine"), summary.Device, null);
    }

    // A record that cannot be read leaves the rest of the page: its reader's message is listed instead.
    private T? Read<T>(string file, Func<T> read, List<string> problems) where T : class
    {
        try
        {
            if (!BoardRunFolder.IsServed(Root, file)) throw new IOException($"{file} leads outside the runs folder; it is not shown.");
            return read();
        }
        catch (Exception error) when (error is RunException or IOException or InvalidDataException)
        {
            problems.Add(error.Message);
            return null;
        }
    }
}
