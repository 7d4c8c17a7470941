namespace DeepDsl.Dsl.Model;

public sealed record PruningSpec(double TargetSparsity, long FineTuneEpochs);
