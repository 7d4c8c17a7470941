using DeepDsl.Cli.Commands;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's reading of a runs folder, through the run layer's doors (<see cref="RunCatalog"/>, <see cref="RunDirectory"/>):
/// nothing here parses a record. A damaged record is shown as damaged with the reader's message, never thrown to the page.
/// Each request resolves the runs folder once (<see cref="BoardRoot"/>) and checks each record it reads once.
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
    public BoardRunPage? Page(string? experiment, string? id) =>
        BoardRunFolder.Find(Root, experiment, id) is { } run ? Page(experiment!, id!, run) : null;

    /// <summary>
    /// The page of trial <paramref name="hash"/> of the sweep <paramref name="sweep"/>, its run named SWEEP / sweep/trials/HASH as
    /// `deepdsl runs` names it, or null when the board's sweep door (<see cref="BoardSweepFolder.Trial"/>) does not open it.
    /// </summary>
    public BoardRunPage? TrialPage(string? sweep, string? hash) =>
        BoardSweepFolder.Trial(Root, sweep, hash) is { } run ? Page(sweep!, "sweep/trials/" + hash, run) : null;

    private BoardRunPage Page(string experiment, string id, RunDirectory run)
    {
        var root = BoardRoot.Of(Root);
        var problems = new List<string>();
        var row = Row(root, experiment, id, run, problems);
        var curves = Read(root, run.MetricsFile, () => BoardCurves.Of(run.ReadMetrics()), problems) ?? BoardCurves.None;
        var spec = Read(null, run.SpecFile, run.ReadSpec, problems);
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
        return BoardSpecDiff.Of($"{experiment}/{id}", run, Read(null, run.SpecFile, run.ReadSpec, problems),
            $"{otherExperiment}/{otherId}", other, Read(null, other.SpecFile, other.ReadSpec, problems), problems);
    }

    // The summary's problem, if any, is added to problems and also shown on the row.
    private static BoardRun Row(BoardRoot root, string experiment, string id, RunDirectory run, List<string> problems)
    {
        var before = problems.Count;
        var summary = Read(root, run.SummaryFile, run.ReadSummary, problems);
        var problem = problems.Count > before ? problems[^1] : null;
        if (summary is null)
            return new BoardRun(experiment, id, problem is null ? RecordStatus.Unknown : RecordStatus.Damaged, null, null, null, null, null, null, null, null, null, problem, Finished: false);
        var kept = KeptEpoch.Of(summary);
        return new BoardRun(experiment, id, summary.Status, summary.EpochsRun, kept?.Metric, kept is null ? null : BoardNumber.Of(kept.Value),
            kept?.Epoch, BoardNumber.Of(summary.Test, "accuracy"), summary.Started, summary.Versions.GetValueOrDefault("engine"), summary.Device,
            summary.StopReason, null, RunStatus.Find(summary.Status)?.Finished ?? false);
    }

    // A record that cannot be read leaves the rest of the page: its reader's message is listed instead. A null root: the door
    // (BoardRunFolder.Find) has checked the file already (spec.yaml).
    private static T? Read<T>(BoardRoot? root, string file, Func<T?> read, List<string> problems) where T : class
    {
        try
        {
            if (!File.Exists(file)) return null;
            if (root is not null && !root.Holds(file)) throw new IOException($"{file} leads outside the runs folder; it is not shown.");
            return read();
        }
        catch (Exception error) when (error is RunException or IOException or InvalidDataException)
        {
            problems.Add(error.Message);
            return null;
        }
    }
}
