namespace DeepDsl.Data;

/// <summary>The per-channel statistics a run normalized its data with; <paramref name="Computed"/>: fitted on its training split.</summary>
public sealed record NormalizationStatistics(bool Computed, double[] Mean, double[] Std);
