namespace DeepDsl.Runs.LrFinds;

/// <summary>One learning-rate sweep's record found under a runs folder: its experiment, its id (timestamp-spechash), its folder.</summary>
public sealed record LrFindEntry(string Experiment, string Id, LrFindDirectory Record);
