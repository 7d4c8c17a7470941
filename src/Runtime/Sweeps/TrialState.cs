using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.Runs;
using DeepDsl.Runs.Records;

namespace DeepDsl.Sweeps;

/// <summary>
/// One trial in sweep.json: its index and hash, the values it sets, how many of its attempts ended (interrupted ones
/// excepted: a person or a scheduler stopped them), and how it ended.
/// </summary>
public sealed record TrialState(int Index, string Hash, IReadOnlyDictionary<string, string> Values, int Attempts, string Status)
{
    /// <summary>Statuses of a trial whose run says it is done; a trial neither done, failed nor running is started (again) by the next sweep command.</summary>
    public static bool IsFinished(string status) => RunStatus.Find(status)?.Finished == true;

    /// <summary>Running: a process trains the trial now (its run.lock is held), started by this command or another.</summary>
    public const string Pending = "pending", Running = "running", Failed = "failed";

    /// <summary>How many attempts of a trial may end unfinished before the sweep reports it as failed: once, and one retry.</summary>
    public const int MaxAttempts = 2;

    /// <summary>How a trial can stand: waiting, out of attempts, or as its run stands.</summary>
    public static readonly IReadOnlyList<string> Statuses = [Pending, Failed, .. RunStatus.Names];

    /// <summary>
    /// What makes this trial unusable, or null. Its hash names its spec, run folder and log, so it must be exactly what the
    /// tool writes (<see cref="SpecHash.IsWellFormed"/>), never `../x`; its values are parameter paths and YAML text.
    /// </summary>
    public string? Problem(string field)
    {
        if (!SpecHash.IsWellFormed(Hash))
            return Hash is null ? $"{field}.hash is missing" : RecordCheck.OptionalText(Hash, $"{field}.hash", 100) ?? $"{field}.hash '{Hash}' is not a spec hash (lowercase hexadecimal, 12 or 64 digits)";
        var problem = RecordCheck.Whole(Index, $"{field}.index", 0, SweepReader.MaxTrials)
                      ?? RecordCheck.Whole(Attempts, $"{field}.attempts", 0, 1000)
                      ?? RecordCheck.OneOf(Status, $"{field}.status", Statuses)
                      ?? RecordCheck.TextMap(Values, $"{field}.values", 1000, 100_000);
        if (problem is not null) return problem;
        foreach (var path in Values.Keys)
            if (ParameterPath.Parse(path) is null) return $"a key of {field}.values is not a parameter path";
        return null;
    }
}
