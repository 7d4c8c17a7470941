using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of a runs folder, through the run layer's doors (<see cref="RunCatalog"/>, <see cref="RunDirectory"/>):
/// nothing here parses a record. A damaged record is shown as damaged with the reader's message, never thrown to the page.
/// </summary>
internal sealed class BoardRecords(string root)
{
    private const string Damaged = "damaged", Unknown = "unknown";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Every run inside the runs folder, oldest first; a run folder (or its spec) that a link leads out of it is not listed.</summary>
    public IReadOnlyList<BoardRun> Runs() =>
        [.. RunCatalog.List(Root).Where(e => BoardRunFolder.IsServed(Root, e.Run.Path) && BoardRunFolder.IsServed(Root, e.Run.SpecFile))
            .Select(e => Row(e.Experiment, e.Id, e.Run, out _))];

    /// <summary>The run's page, or null when <paramref name="experiment"/>/<paramref name="id"/> names no run the board serves.</summary>
    public BoardRunPage? Page(string? experiment, string? id)
    {
        if (BoardRunFolder.Find(Root, experiment, id) is not { } run) return null;
        var problems = new List<string>();
        var row = Row(experiment!, id!, run, out var summaryProblem);
        if (summaryProblem is not null) problems.Add(summaryProblem);
        var curves = Read(run.MetricsFile, () => BoardCurves.Of(run.ReadMetrics()), problems) ?? BoardCurves.None;
        var spec = Read(run.SpecFile, run.ReadSpec, problems);
        return new BoardRunPage(row, curves, spec, problems);
    }

    private BoardRun Row(string experiment, string id, RunDirectory run, out string? problem)
    {
        problem = null;
        RunSummary? summary = null;
        try
        {
            summary = BoardRunFolder.IsServed(Root, run.SummaryFile) ? run.ReadSummary() : throw new IOException($"{run.SummaryFile} leads outside the runs folder.");
        }
        catch (Exception error) when (error is RunException or IOException or InvalidDataException)
        {
            problem = error.Message;
        }
        if (summary is null)
            return new BoardRun(experiment, id, problem is null ? Unknown : Damaged, null, null, null, null, null, null, null, null, null, problem);
        var kept = KeptEpoch.Of(summary);
        return new BoardRun(experiment, id, summary.Status, summary.EpochsRun, kept?.Metric, kept is null ? null : BoardNumber.Of(kept.Value),
            kept?.Epoch, BoardNumber.Of(summary.Test, "accuracy"), summary.Started, summary.Versions.GetValueOrDefault("engine"), summary.Device,
            summary.StopReason, null);
    }

    // A record that cannot be read leaves the rest of the page: its reader's message is listed instead.
    private T? Read<T>(string file, Func<T> read, List<string> problems) where T : class
    {
        try
        {
            if (!File.Exists(file)) return null;
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
