namespace DeepDsl.Dsl.Sweeps;

/// <summary>Asynchronous successive halving: rungs at <see cref="MinEpochs"/>·η^k epochs; at each, a trial goes on only if it is in the best 1/η so far.</summary>
public sealed record AshaSpec(long MinEpochs, long ReductionFactor);
