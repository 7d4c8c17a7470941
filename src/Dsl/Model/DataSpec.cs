namespace DeepDsl.Dsl.Model;

public sealed record DataSpec(string Dataset, string? Path, long Validation, bool Scale, bool Standardize, long? TrainSamples, long? TestSamples,
    long Classes, string? XTrain, string? YTrain, string? XTest, string? YTest, long Samples, double Noise);
