namespace DeepDsl.Experiments;

/// <summary>Where an experiment's examples come from.</summary>
public abstract record DatasetSource;

/// <summary>CIFAR-10 in its official binary format; <paramref name="Path"/> is looked in first.</summary>
public sealed record Cifar10Source(string? Path = null) : DatasetSource;

/// <summary>NumPy arrays: features (float32/float64/uint8) and integer labels for training and test.</summary>
public sealed record NpySource(string TrainX, string TrainY, string TestX, string TestY, int Classes) : DatasetSource;

/// <summary>Seeded Gaussian clusters, one per class: learnable, and needs no files (for tests and demos).</summary>
public sealed record SyntheticSource(int Samples, int TestSamples, int Classes, long[] InputShape, ulong Seed, double Noise = 1.0) : DatasetSource;
