using System.Text.Json;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.IO;
using DeepDsl.Runs;
using DeepDsl.Runs.Records;

namespace DeepDsl.Sweeps;

/// <summary>sweep.json: the sweep's definition as run (file, metric, ASHA) and every trial's state; written atomically after each change.</summary>
public sealed record SweepState(string Name, string File, string Metric, bool Maximize, int? AshaMinEpochs, int? AshaReductionFactor, IReadOnlyList<TrialState> Trials)
{
    /// <summary>sweep.json through its door (<see cref="RecordJson"/>, <see cref="Problem"/>), or null when the folder has none.</summary>
    /// <exception cref="RunException">sweep.json is not a sound sweep state; the message names it.</exception>
    public static SweepState? Read(SweepFolder folder) =>
        System.IO.File.Exists(folder.StateFile) ? RecordJson.Read<SweepState>(folder.StateFile, s => s.Problem()) : null;

    /// <summary>
    /// What makes this state unusable, or null: a name and file as a sweep has them, a metric a trial records, ASHA settings
    /// as the language allows them, and at most <see cref="SweepReader.MaxTrials"/> sound trials with distinct indexes and hashes
    /// (each hash names the trial's files, so two trials of one hash would share a run folder).
    /// </summary>
    public string? Problem()
    {
        var problem = RecordCheck.Text(Name, "name", 100)
                      ?? RecordCheck.Text(File, "file", 4096)
                      ?? RecordCheck.OneOf(Metric, "metric", SweepReader.Metrics.ToList())
                      ?? (AshaMinEpochs is null != AshaReductionFactor is null ? "asha_min_epochs and asha_reduction_factor are set together or not at all" : null)
                      ?? (AshaMinEpochs is { } min ? RecordCheck.Whole(min, "asha_min_epochs", 1, int.MaxValue) : null)
                      ?? (AshaReductionFactor is { } eta ? RecordCheck.Whole(eta, "asha_reduction_factor", 2, int.MaxValue) : null)
                      ?? RecordCheck.Present(Trials, "trials")
                      ?? RecordCheck.Whole(Trials.Count, "the number of trials", 0, SweepReader.MaxTrials);
        if (problem is not null) return problem;
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new HashSet<int>();
        for (var i = 0; i < Trials.Count; i++)
        {
            if (Trials[i] is not { } trial) return $"trials[{i}] is null";
            if (trial.Problem($"trials[{i}]") is { } wrong) return wrong;
            if (!hashes.Add(trial.Hash)) return $"trials[{i}].hash is the hash of an earlier trial; each trial's hash is its own";
            if (!indexes.Add(trial.Index)) return $"trials[{i}].index is the index of an earlier trial";
        }
        return null;
    }

    public void Write(SweepFolder folder) => AtomicFile.WriteAllText(folder.StateFile, JsonSerializer.Serialize(this, RunJson.Options) + "\n", folder.Owned);

    public SweepState With(TrialState trial) => this with { Trials = Trials.Select(t => t.Hash == trial.Hash ? trial : t).ToList() };
}
