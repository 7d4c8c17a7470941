namespace DeepDsl.Dsl.Model;

public sealed record CheckpointSpec(string Monitor, string Mode, bool SaveBest, bool SaveLast);
