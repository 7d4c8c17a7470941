using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Board;

/// <summary>
/// One row of the lr-find table: a recorded learning-rate sweep's experiment, id, when and how it swept, how many steps ran,
/// why it stopped early and what it suggests, from its lr_find.json; or, when that is damaged, only why (<see cref="Problem"/>).
/// </summary>
internal sealed record BoardLrFind(
    string Experiment,
    string Id,
    DateTimeOffset? Started,
    string? Method,
    int? Steps,
    string? StoppedEarly,
    LrFindSuggestions? Suggestions,
    string? Engine,
    string? Device,
    string? Problem);
