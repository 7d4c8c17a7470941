using DeepDsl.Cli.Commands;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of a runs folder, through the run layer's doors (<see cref="RunCatalog"/>, <see cref="RunDirectory"/>):
/// nothing here parses a record. A damaged record is shown as damaged with the reader's message, never thrown to the page.
/// Each request resolves the runs folder once (<see cref="BoardRoot"/>) and reads each record through it (<see cref="BoardRoot.Read"/>).
/// </summary>
internal sealed class BoardRecords(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// Every run inside the runs folder, oldest first: those the board's one door (<see cref="BoardRunFolder.Find(BoardRoot, string?, string?)"/>)
    /// opens, so that every run listed has a page and no run without one is listed.
    /// </summary>
    public IReadOnlyList<BoardRun> Runs()
    {
        var root = BoardRoot.Of(Root);
        return [.. RunCatalog.List(Root).Select(e => BoardRunFolder.Find(root, e.Experiment, e.Id) is { } run ? Row(root, e.Experiment, e.Id, run, []) : null)
            .OfType<BoardRun>()];
    }

    /// <summary>The run's page, or null when <paramref name="experiment"/>/<paramref name="id"/> names no run the board serves.</summary>
    public BoardRunPage? Page(string? experiment, string? id)
    {
        var root = BoardRoot.Of(Root);
        return BoardRunFolder.Find(root, experiment, id) is { } run ? Page(root, experiment!, id!, run) : null;
    }

    /// <summary>
    /// The page of trial <paramref name="hash"/> of the sweep <paramref name="sweep"/>, its run named SWEEP / sweep/trials/HASH as
    /// `deepdsl runs` names it, or null when the board's door (<see cref="BoardRunFolder.FindTrial"/>) does not open it.
    /// </summary>
    public BoardRunPage? TrialPage(string? sweep, string? hash)
    {
        var root = BoardRoot.Of(Root);
        return BoardRunFolder.FindTrial(root, sweep, hash) is { } run ? Page(root, sweep!, "sweep/trials/" + hash, run) : null;
    }

    private static BoardRunPage Page(BoardRoot root, string experiment, string id, RunDirectory run)
    {
        var problems = new List<string>();
        var row = Row(root, experiment, id, run, problems);
        var curves = root.Read(run.MetricsFile, () => BoardCurves.Of(run.ReadMetrics()), problems) ?? BoardCurves.None;
        var spec = root.Read(run.SpecFile, run.ReadSpec, problems);
        return new BoardRunPage(row, curves, spec, problems);
    }

    /// <summary>
    /// The semantic diff of run <paramref name="experiment"/>/<paramref name="id"/>'s resolved spec against run
    /// <paramref name="otherExperiment"/>/<paramref name="otherId"/>'s, or null when either names no run the board serves.
    /// </summary>
    public BoardSpecDiff? Diff(string? experiment, string? id, string? otherExperiment, string? otherId)
    {
        var root = BoardRoot.Of(Root);
        if (BoardRunFolder.Find(root, experiment, id) is not { } run || BoardRunFolder.Find(root, otherExperiment, otherId) is not { } other) return null;
        var problems = new List<string>();
        return BoardSpecDiff.Of($"{experiment}/{id}", run, root.Read(run.SpecFile, run.ReadSpec, problems),
            $"{otherExperiment}/{otherId}", other, root.Read(other.SpecFile, other.ReadSpec, problems), problems);
    }

    // The summary's problem, if any, is added to problems and also shown on the row.
    private static BoardRun Row(BoardRoot root, string experiment, string id, RunDirectory run, List<string> problems)
    {
        var before = problems.Count;
        var summary = root.Read(run.SummaryFile, run.ReadSummary, problems);
        var problem = problems.Count > before ? problems[^1] : null;
        if (summary is null)
            return new BoardRun(experiment, id, problem is null ? RecordStatus.Unknown : RecordStatus.Damaged, null, null, null, null, null, null, null, null, null, problem, Finished: false);
        var kept = KeptEpoch.Of(summary);
        return new BoardRun(experiment, id, summary.Status, summary.EpochsRun, kept?.Metric, kept is null ? null : BoardNumber.Of(kept.Value),
            kept?.Epoch, BoardNumber.Of(summary.Test, "accuracy"), summary.Started, summary.Versions.GetValueOrDefault("engine"), summary.Device,
            summary.StopReason, null, RunStatus.Find(summary.Status)?.Finished ?? false);
    }
}
