namespace DeepDsl.Cli.Tests;

/// <summary>Tests marked <c>[Collection("finished sweep")]</c> share one <see cref="FinishedSweep"/>, trained once for all of them.</summary>
[CollectionDefinition("finished sweep")]
public sealed class FinishedSweepCollection : ICollectionFixture<FinishedSweep>;
