namespace DeepDsl.Cli.Tests;

/// <summary>Tests marked <c>[Collection("slurm")]</c> share one local Slurm cluster, started once for all of them.</summary>
[CollectionDefinition("slurm")]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>;
