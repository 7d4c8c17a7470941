namespace DeepDsl.Dsl.Model;

public sealed record EarlyStoppingSpec(string Monitor, string Mode, long Patience, double MinDelta, bool RestoreBest);
