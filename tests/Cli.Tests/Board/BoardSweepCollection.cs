namespace DeepDsl.Cli.Tests.Board;

/// <summary>Tests marked <c>[Collection("board sweep")]</c> share one <see cref="BoardSweepRuns"/>: one real sweep and one board, made once.</summary>
[CollectionDefinition("board sweep")]
public sealed class BoardSweepCollection : ICollectionFixture<BoardSweepRuns>;
