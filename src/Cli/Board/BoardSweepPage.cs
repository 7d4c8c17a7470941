namespace DeepDsl.Cli.Board;

/// <summary>
/// What a sweep's page shows: its row of the sweeps table, the parameters it sweeps (in order of appearance), every trial in
/// leaderboard order, the mean ± std over seeds (empty when the seed is not swept), the metric against each parameter, and
/// why any record could not be read.
/// </summary>
internal sealed record BoardSweepPage(
    BoardSweep Sweep,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<BoardSweepTrial> Trials,
    IReadOnlyList<BoardSeedGroup> Groups,
    IReadOnlyList<BoardSweepChart> Charts,
    IReadOnlyList<string> Problems);
