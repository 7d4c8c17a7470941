namespace DeepDsl.Sweeps;

/// <summary>What a trial needs to take part in ASHA: the shared rung record, the rungs (min_epochs·η^k) and the ranking metric.</summary>
public sealed record AshaSettings(string RungFile, int MinEpochs, int ReductionFactor, string Metric, bool Maximize);
