using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Board;

/// <summary>The trials that differ only in their seed (<see cref="SeedGroup"/>, from <see cref="Leaderboard"/>): their other values, the metric's mean and sample standard deviation, and each seed's value.</summary>
internal sealed record BoardSeedGroup(IReadOnlyDictionary<string, string> Values, double? Mean, double? Std, int N, IReadOnlyList<BoardSeed> Seeds)
{
    public static BoardSeedGroup Of(SeedGroup group) =>
        new(group.Values, BoardNumber.Of(group.Mean), BoardNumber.Of(group.Std), group.Seeds.Count, [.. group.Seeds.Select(s => new BoardSeed(s.Seed, BoardNumber.Of(s.Metric)))]);
}
