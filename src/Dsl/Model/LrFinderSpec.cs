namespace DeepDsl.Dsl.Model;

public sealed record LrFinderSpec(string Method, double? StartLr, double EndLr, long? Steps, double StopFactor, double Smoothing);
