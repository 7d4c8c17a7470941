using DeepDsl.Runs.Records;

namespace DeepDsl.Runs.LrFinds;

/// <summary>
/// lr_find.json: which experiment was swept and how (method, first and last rate, stop factor, smoothing), how many steps
/// ran and why it stopped early if it did, the suggested rates, and where and with what it ran (device, seed, versions with
/// the engine, when it started, how long it took).
/// </summary>
public sealed record LrFindSummary(
    string Experiment,
    string SpecHash,
    string SpecFile,
    string Method,
    double StartLr,
    double EndLr,
    double StopFactor,
    double Smoothing,
    int Steps,
    string? StoppedEarly,
    LrFindSuggestions Suggestions,
    string Device,
    ulong Seed,
    IReadOnlyDictionary<string, string> Versions,
    DateTimeOffset Started,
    double WallSeconds)
{
    /// <summary>The methods lr_find.json may name: <see cref="LearningRateSearch.LrFinderMethod"/>'s, lower case, as <see cref="NameOf"/> writes them.</summary>
    public static readonly IReadOnlyList<string> Methods = [.. Enum.GetValues<LearningRateSearch.LrFinderMethod>().Select(NameOf)];

    /// <summary>A method's name in lr_find.json.</summary>
    public static string NameOf(LearningRateSearch.LrFinderMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>What makes this record unusable (a damaged or forged lr_find.json), or null: the door <see cref="LrFindDirectory.ReadSummary"/> refuses it.</summary>
    public string? Problem() =>
        RecordCheck.Text(Experiment, "experiment", 100)
        ?? RecordCheck.Text(SpecHash, "spec_hash", 64)
        ?? RecordCheck.Text(SpecFile, "spec_file", 4096)
        ?? RecordCheck.OneOf(Method, "method", Methods)
        ?? RecordCheck.FinitePositive(StartLr, "start_lr")
        ?? RecordCheck.FinitePositive(EndLr, "end_lr")
        ?? (double.IsFinite(StopFactor) && StopFactor > 1 ? null : "stop_factor is not a finite number > 1")
        ?? (Smoothing is >= 0 and < 1 ? null : "smoothing is not a number in 0..1 (1 excluded)")
        // The finder suggests nothing from fewer than three steps.
        ?? RecordCheck.Whole(Steps, "steps", 3, int.MaxValue)
        ?? RecordCheck.OptionalText(StoppedEarly, "stopped_early", 4096)
        ?? RecordCheck.Present(Suggestions, "suggestions") ?? Suggestions.Problem("suggestions")
        ?? RecordCheck.Text(Device, "device", 100)
        ?? RecordCheck.TextMap(Versions, "versions", 64, 1000)
        ?? RecordCheck.FiniteNonNegative(WallSeconds, "wall_seconds");
}
