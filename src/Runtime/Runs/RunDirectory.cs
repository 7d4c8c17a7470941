using System.Text.Json;
using DeepDsl.IO;
using DeepDsl.Runs.Records;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// One run's folder, runs/&lt;experiment&gt;/&lt;timestamp&gt;-&lt;spec hash&gt;/: the resolved spec, metrics.csv,
/// summary.json, checkpoints/ and curves.svg. Every file is written atomically, after every epoch,
/// so a run that fails or is killed keeps everything up to its last finished epoch.
/// </summary>
public sealed class RunDirectory
{
    public const string SpecFileName = "spec.yaml";
    public const string MetricsFileName = "metrics.csv";
    public const string SummaryFileName = "summary.json";
    public const string CurvesFileName = "curves.svg";
    public const string ActivationsFileName = "activations.csv";
    public const string McDropoutFileName = "mc_dropout.json";

    public RunDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    /// <summary>The folder as one DeepDsl owns: every file in it is written, never through a link (it may have been sent by someone).</summary>
    public OwnedFolder Owned => new(Path);

    public string SpecFile => System.IO.Path.Combine(Path, SpecFileName);
    public string MetricsFile => System.IO.Path.Combine(Path, MetricsFileName);
    public string SummaryFile => System.IO.Path.Combine(Path, SummaryFileName);
    public string CurvesFile => System.IO.Path.Combine(Path, CurvesFileName);
    public string ActivationsFile => System.IO.Path.Combine(Path, ActivationsFileName);
    public string McDropoutFile => System.IO.Path.Combine(Path, McDropoutFileName);
    public string CheckpointsFolder => System.IO.Path.Combine(Path, "checkpoints");
    public string BestCheckpoint => System.IO.Path.Combine(CheckpointsFolder, "best.safetensors");
    public string LastCheckpoint => System.IO.Path.Combine(CheckpointsFolder, "last.safetensors");

    /// <summary>
    /// Creates the folder for a new run of <paramref name="experiment"/> (a name the language has checked) under
    /// <paramref name="runsRoot"/>, atomically and never outside it, and locks it for this process.
    /// </summary>
    public static (RunDirectory Run, RunLock Lock) Create(string runsRoot, string experiment, string specHash, DateTimeOffset started)
    {
        RunLock? runLock = null;
        // The lock is taken inside the folder before it gets its name: it holds across the rename (it is on the file, not the name).
        var folder = PathGuard.CreateFolderInside(runsRoot, System.IO.Path.Combine(runsRoot, experiment), RunId.Of(started, specHash),
            staging => runLock = RunLock.Acquire(staging));
        runLock!.FolderRenamed(folder);
        return (new RunDirectory(folder), runLock);
    }


    /// <summary>
    /// Creates the run folder <paramref name="folder"/> itself (a sweep's trial, whose folder is named by its hash), atomically,
    /// and locks it. A folder left by an attempt that failed before its first checkpoint is replaced.
    /// </summary>
    public static (RunDirectory Run, RunLock Lock) CreateExactly(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        var parent = System.IO.Path.GetDirectoryName(full)!;
        if (Directory.Exists(full))
        {
            using (RunLock.Acquire(full)) { }
            if (File.Exists(System.IO.Path.Combine(full, "checkpoints", "last.safetensors")))
                throw new RunException($"{full} already holds a run with a checkpoint; resume it instead of starting it again.");
            Directory.Delete(full, recursive: true);
        }
        RunLock? runLock = null;
        var created = PathGuard.CreateFolderInside(parent, parent, System.IO.Path.GetFileName(full), staging => runLock = RunLock.Acquire(staging), exact: true);
        runLock!.FolderRenamed(created);
        return (new RunDirectory(created), runLock);
    }

    /// <summary>Opens an existing run (a folder, or a run's summary.json), or throws <see cref="RunException"/> naming what is missing.</summary>
    public static RunDirectory Open(string pathOrSummary)
    {
        var folder = File.Exists(pathOrSummary) ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(pathOrSummary))! : pathOrSummary;
        if (!Directory.Exists(folder)) throw new RunException($"{pathOrSummary}: no such run folder.");
        var run = new RunDirectory(folder);
        if (!File.Exists(run.SpecFile))
            throw new RunException($"{folder} is not a DeepDsl run folder: it has no {SpecFileName}.");
        return run;
    }

    /// <summary>Locks the run for this process (to resume it), or throws <see cref="RunException"/> when another holds it.</summary>
    /// <remarks>Every name the run writes is checked first, so a planted link is refused before training, not after an epoch.</remarks>
    public RunLock Lock()
    {
        foreach (var file in (string[])[SpecFile, MetricsFile, SummaryFile, CurvesFile, ActivationsFile, McDropoutFile, BestCheckpoint, LastCheckpoint]) Owned.Checked(file);
        return RunLock.Acquire(Path);
    }

    public void WriteSpec(string resolvedYaml) => AtomicFile.WriteAllText(SpecFile, resolvedYaml, Owned);

    public string ReadSpec() => ReadSpec(SpecFile);

    /// <summary>A resolved spec a record keeps (a run's, an lr-find record's): a regular file, no larger than a record may be.</summary>
    public static string ReadSpec(string specFile) => System.Text.Encoding.UTF8.GetString(PathGuard.ReadFile(specFile, RecordJson.MaxBytes));

    public void WriteMetrics(IEnumerable<EpochMetrics> history) => AtomicFile.WriteAllText(MetricsFile, MetricsCsv.Format(history), Owned);

    /// <summary>metrics.csv through its door (<see cref="MetricsCsv.Parse"/>); no rows while the run has none.</summary>
    public IReadOnlyList<EpochMetrics> ReadMetrics() =>
        File.Exists(MetricsFile) ? MetricsCsv.Parse(System.Text.Encoding.UTF8.GetString(PathGuard.ReadFile(MetricsFile, RecordJson.MaxBytes)), MetricsFile) : [];

    /// <summary>MC dropout's result beside the run's records (`deepdsl eval --mc-dropout`).</summary>
    public void WriteMcDropout(Evaluation.McDropoutResult result) =>
        AtomicFile.WriteAllText(McDropoutFile, JsonSerializer.Serialize(result, RunJson.Options) + "\n", Owned);

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryFile, JsonSerializer.Serialize(summary, RunJson.Options) + "\n", Owned);

    /// <summary>summary.json through its door (<see cref="RecordJson"/>, <see cref="RunSummary.Problem"/>), or null while the run has none.</summary>
    /// <exception cref="RunException">summary.json exists but is not a sound run summary; the message names it.</exception>
    public RunSummary? ReadSummary() =>
        File.Exists(SummaryFile) ? RecordJson.Read<RunSummary>(SummaryFile, s => s.Problem()) : null;

    /// <summary>A run's summary and metrics, which agree with each other (a run stopped in its first epoch has no metrics yet).</summary>
    /// <exception cref="RunException">The run has no summary yet, or a record is damaged or contradicts the other.</exception>
    public RunRecords ReadRecords()
    {
        var summary = ReadSummary() ?? throw new RunException($"{SummaryFile}: no such file; the run has not finished an epoch yet.");
        var metrics = ReadMetrics();
        // metrics.csv is written before summary.json after every epoch, so it never has fewer epochs.
        if (metrics.Count < summary.EpochsRun)
            throw new RunException($"{MetricsFile} is damaged: it has {metrics.Count} epochs, but {SummaryFileName} says {summary.EpochsRun} ran.");
        return new RunRecords(summary, metrics);
    }

    public void WriteCurves(string svg) => AtomicFile.WriteAllText(CurvesFile, svg, Owned);

    /// <summary>Each layer's output statistics in the first epoch (<see cref="ActivationStatistics"/>).</summary>
    public void WriteActivations(string csv) => AtomicFile.WriteAllText(ActivationsFile, csv, Owned);
}
