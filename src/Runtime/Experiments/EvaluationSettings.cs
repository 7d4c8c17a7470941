namespace DeepDsl.Experiments;

/// <summary>Evaluation after training: MC dropout samples (null: plain evaluation only).</summary>
public sealed record EvaluationSettings(int? McDropoutSamples = null);
