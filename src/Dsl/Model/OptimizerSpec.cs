namespace DeepDsl.Dsl.Model;

/// <summary>An optimizer by Keras name; fields that the kind does not have keep their defaults.</summary>
public sealed record OptimizerSpec(string Kind, double LearningRate, double Momentum, bool Nesterov, double WeightDecay, double Beta1, double Beta2,
    double Epsilon, double Rho, bool Centered, double InitialAccumulatorValue, double? ClipNorm, double? GlobalClipNorm, double? ClipValue);
