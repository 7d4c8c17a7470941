namespace DeepDsl.Experiments;

/// <summary>Magnitude pruning: the fraction of dense weights set to zero, and epochs of fine-tuning after.</summary>
public sealed record PruningSettings(double TargetSparsity, int FineTuneEpochs = 0);
