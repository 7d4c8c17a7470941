using System.Text.Json;
using DeepDsl.IO;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Sweeps;

/// <summary>sweep.json: the sweep's definition as run (file, metric, ASHA) and every trial's state; written atomically after each change.</summary>
internal sealed record SweepState(string Name, string File, string Metric, bool Maximize, int? AshaMinEpochs, int? AshaReductionFactor, IReadOnlyList<TrialState> Trials)
{
    public static SweepState? Read(SweepFolder folder)
    {
        if (!System.IO.File.Exists(folder.StateFile)) return null;
        try
        {
            return JsonSerializer.Deserialize<SweepState>(PathGuard.ReadFile(folder.StateFile, 64 << 20), RunJson.Options);
        }
        catch (JsonException error)
        {
            throw new RunException($"{folder.StateFile} is damaged: {error.Message}", error);
        }
    }

    public void Write(SweepFolder folder) => AtomicFile.WriteAllText(folder.StateFile, JsonSerializer.Serialize(this, RunJson.Options) + "\n", folder.Owned);

    public SweepState With(TrialState trial) => this with { Trials = Trials.Select(t => t.Hash == trial.Hash ? trial : t).ToList() };
}
