namespace DeepDsl.Dsl.Model;

/// <summary>data.augment.normalize: statistics computed on the training split, or the given per-channel means and standard deviations.</summary>
public sealed record NormalizationSpec(bool Computed, EquatableArray<double> Mean, EquatableArray<double> Std);
