using System.Globalization;
using System.Text.Json;
using DeepDsl.IO;
using DeepDsl.Training;

namespace DeepDsl.Sweeps;

/// <summary>
/// Asynchronous successive halving (Li et al., 2018; Ray Tune's ASHA), as a training callback of each trial. When a trial
/// reaches a rung — min_epochs·η^k epochs — it records its metric in the sweep's rung file and goes on only if it is in
/// the best 1/η of the trials recorded at that rung so far; otherwise it stops, as "early_terminated". The first trial at a
/// rung always goes on; trials need not wait for each other, which is what makes it asynchronous. The rung file is
/// shared by the trials' processes (on one machine or a cluster's shared filesystem) and changed under a lock.
/// </summary>
public sealed class AshaRungs(AshaSettings settings) : ITrainingCallback
{
    public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
    {
        var rung = RungOf(metrics.Epoch);
        if (rung is null || !metrics.ToDictionary().TryGetValue(settings.Metric, out var value)) return;
        var cutoff = Record(rung.Value, TrialId(), value);
        if (cutoff is { } c && (double.IsNaN(value) || (settings.Maximize ? value < c : value > c)))
            state.RequestStop(TrainingStatus.EarlyTerminated, string.Create(CultureInfo.InvariantCulture,
                $"ASHA: {settings.Metric} {value:G4} at epoch {metrics.Epoch} is outside the best 1/{settings.ReductionFactor} of the trials at this rung (cutoff {c:G4})"));
    }

    /// <summary>The rung an epoch ends, or null: min_epochs·η^k.</summary>
    public int? RungOf(int epoch)
    {
        for (long rung = settings.MinEpochs, k = 0; rung <= epoch; rung *= settings.ReductionFactor, k++)
            if (rung == epoch) return (int)k;
        return null;
    }

    // The sweep executors name each trial (its spec hash); a trial run by hand counts as its own process.
    private static string TrialId() => Environment.GetEnvironmentVariable(TrialVariable) ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public const string TrialVariable = "DEEPDSL_TRIAL";

    /// <summary>Records the trial's value at the rung; returns the cutoff among the values recorded before it (null for the first).</summary>
    private double? Record(int rung, string trial, double value)
    {
        using var held = LockRungFile();
        var rungs = ReadRungs();
        var key = rung.ToString(CultureInfo.InvariantCulture);
        if (!rungs.TryGetValue(key, out var recorded)) rungs[key] = recorded = [];
        // Compared with the others only: a resumed trial that reaches the rung again replaces its own record.
        var others = recorded.Where(r => r.Key != trial && !double.IsNaN(r.Value)).Select(r => r.Value).ToList();
        recorded[trial] = value;
        AtomicFile.WriteAllText(settings.RungFile, JsonSerializer.Serialize(rungs, JsonOptions), SweepFolder);
        return others.Count == 0 ? null : Percentile(others, settings.Maximize ? 1 - 1.0 / settings.ReductionFactor : 1.0 / settings.ReductionFactor);
    }

    // Linear interpolation between closest ranks, as numpy.percentile does (Ray Tune's ASHA uses it).
    private static double Percentile(List<double> values, double q)
    {
        values.Sort();
        var position = q * (values.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(values.Count - 1, low + 1);
        return values[low] + (position - low) * (values[high] - values[low]);
    }

    // NaN is a value a diverged trial records.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private Dictionary<string, Dictionary<string, double>> ReadRungs() => Read(settings.RungFile);

    /// <summary>The sweep folder that holds the rung file and its lock: written as DeepDsl owns it, never through a link.</summary>
    private OwnedFolder SweepFolder => new(Path.GetDirectoryName(Path.GetFullPath(settings.RungFile))!);

    /// <summary>
    /// The door of asha.json (the sweep's rung record, shared by its trials): rung → trial → value, or empty while no trial
    /// reached a rung. A rung is a decimal index below 64; a trial id is short text; a value any number (a diverged trial
    /// records NaN). A file that is not that is a <see cref="Runs.RunException"/> naming it.
    /// </summary>
    public static Dictionary<string, Dictionary<string, double>> Read(string rungFile) =>
        File.Exists(rungFile) ? Runs.Records.RecordJson.Read<Dictionary<string, Dictionary<string, double>>>(rungFile, Problem, JsonOptions) : [];

    /// <summary>
    /// Each trial's last rung, by trial id: the highest rung <paramref name="rungFile"/> records it at (a trial records its
    /// value at every rung it reaches, so a trial ASHA stopped stopped there). Empty while no trial reached a rung.
    /// </summary>
    /// <exception cref="Runs.RunException">The file is not a sound rung record; the message names it.</exception>
    public static IReadOnlyDictionary<string, int> LastRungs(string rungFile) =>
        Read(rungFile)
            // Read has checked each rung is a decimal index below 64.
            .SelectMany(rung => rung.Value.Keys.Select(trial => (Trial: trial, Rung: int.Parse(rung.Key, NumberStyles.None, CultureInfo.InvariantCulture))))
            .GroupBy(r => r.Trial, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.Rung), StringComparer.Ordinal);

    private static string? Problem(Dictionary<string, Dictionary<string, double>> rungs)
    {
        if (rungs.Count > 64) return $"it has {rungs.Count} rungs, more than 64";
        foreach (var (rung, trials) in rungs)
        {
            if (!int.TryParse(rung, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= 64 || k.ToString(CultureInfo.InvariantCulture) != rung)
                return Runs.Records.RecordCheck.OptionalText(rung, "a rung", 100) ?? $"rung '{rung}' is not a rung index (0, 1, 2, …)";
            if (trials is null) return $"rung {rung} is null, not the trials' values";
            if (trials.Count > MaxTrials) return $"rung {rung} records {trials.Count} trials, more than {MaxTrials}";
            foreach (var trial in trials.Keys)
                if (Runs.Records.RecordCheck.Text(trial, $"a trial of rung {rung}", 128) is { } problem) return problem;
        }
        return null;
    }

    // Far more than a sweep has (10,000 trials at most), and little enough to read at each rung.
    private const int MaxTrials = 100_000;

    /// <summary>The sweep's rung lock (the same OS lock as a run's): other trials hold it only for the milliseconds of a record.</summary>
    private Runs.RunLock LockRungFile()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Runs.RunLock.Acquire(SweepFolder.Path, Path.GetFileName(settings.RungFile) + ".lock");
            }
            catch (Runs.RunException) when (attempt < 600)
            {
                Thread.Sleep(50);
            }
        }
    }
}
