namespace DeepDsl.Cli.Tests;

/// <summary>
/// Tests marked <c>[Collection("timing")]</c> run alone, after every parallel collection: they assert that something
/// happens within a time the product promises (a rank stops within its timeout), which other tests' processes on
/// the same CPUs would stretch.
/// </summary>
[CollectionDefinition("timing", DisableParallelization = true)]
public sealed class TimingCollection;
