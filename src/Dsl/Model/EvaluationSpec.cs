namespace DeepDsl.Dsl.Model;

/// <summary>Evaluation after training: MC dropout samples, when asked for.</summary>
public sealed record EvaluationSpec(long? McDropoutSamples);
