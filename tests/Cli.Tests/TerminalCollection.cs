namespace DeepDsl.Cli.Tests;

/// <summary>
/// Tests marked <c>[Collection("terminal")]</c> run alone, after every parallel collection: they assert how soon a real
/// terminal shows the run's first line, which other tests' processes on the same CPUs would delay.
/// </summary>
[CollectionDefinition("terminal", DisableParallelization = true)]
public sealed class TerminalCollection;
