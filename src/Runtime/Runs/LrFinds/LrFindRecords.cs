namespace DeepDsl.Runs.LrFinds;

/// <summary>A learning-rate sweep's record as read through its doors: lr_find.json and lr_find.csv, which agree.</summary>
public sealed record LrFindRecords(LrFindSummary Summary, IReadOnlyList<LrFindStep> Steps);
