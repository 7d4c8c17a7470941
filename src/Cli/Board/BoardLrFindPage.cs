namespace DeepDsl.Cli.Board;

/// <summary>What an lr-find page shows: its row of the lr-find table, its curve (lr_find.csv as columns), its resolved spec, and why any record could not be read.</summary>
internal sealed record BoardLrFindPage(BoardLrFind LrFind, BoardLrFindCurve Curve, string? Spec, IReadOnlyList<string> Problems);
