namespace DeepDsl.Cli.Board;

/// <summary>What a run's page shows: its row of the runs table, its curves (metrics.csv as columns), its resolved spec, and why any record could not be read.</summary>
internal sealed record BoardRunPage(BoardRun Run, BoardCurves Curves, string? Spec, IReadOnlyList<string> Problems);
