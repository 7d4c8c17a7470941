using System.Globalization;
using System.Text.Json;
using DeepDsl.Training;

using DeepDsl.IO;

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

    public RunDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public string SpecFile => System.IO.Path.Combine(Path, SpecFileName);
    public string MetricsFile => System.IO.Path.Combine(Path, MetricsFileName);
    public string SummaryFile => System.IO.Path.Combine(Path, SummaryFileName);
    public string CurvesFile => System.IO.Path.Combine(Path, CurvesFileName);
    public string CheckpointsFolder => System.IO.Path.Combine(Path, "checkpoints");
    public string BestCheckpoint => System.IO.Path.Combine(CheckpointsFolder, "best.safetensors");
    public string LastCheckpoint => System.IO.Path.Combine(CheckpointsFolder, "last.safetensors");

    /// <summary>The folder for a new run of <paramref name="experiment"/> under <paramref name="runsRoot"/>.</summary>
    public static RunDirectory Create(string runsRoot, string experiment, string specHash, DateTimeOffset started)
    {
        var stamp = started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = System.IO.Path.Combine(runsRoot, experiment, $"{stamp}-{specHash}");
        for (var n = 2; Directory.Exists(folder); n++) folder = System.IO.Path.Combine(runsRoot, experiment, $"{stamp}-{specHash}-{n}");
        Directory.CreateDirectory(folder);
        return new RunDirectory(folder);
    }

    /// <summary>Opens an existing run (a folder, or a run's summary.json), or throws naming what is missing.</summary>
    public static RunDirectory Open(string pathOrSummary)
    {
        var folder = File.Exists(pathOrSummary) ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(pathOrSummary))! : pathOrSummary;
        var run = new RunDirectory(folder);
        if (!File.Exists(run.SpecFile))
            throw new FileNotFoundException($"{folder} is not a DeepDsl run folder: it has no {SpecFileName}.", run.SpecFile);
        return run;
    }

    public void WriteSpec(string resolvedYaml) => AtomicFile.WriteAllText(SpecFile, resolvedYaml);

    public string ReadSpec() => File.ReadAllText(SpecFile);

    public void WriteMetrics(IEnumerable<EpochMetrics> history) => AtomicFile.WriteAllText(MetricsFile, MetricsCsv.Format(history));

    public IReadOnlyList<EpochMetrics> ReadMetrics() =>
        File.Exists(MetricsFile) ? MetricsCsv.Parse(File.ReadAllText(MetricsFile), MetricsFile) : [];

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryFile, JsonSerializer.Serialize(summary, RunJson.Options) + "\n");

    public RunSummary? ReadSummary() =>
        File.Exists(SummaryFile) ? JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryFile), RunJson.Options) : null;

    public void WriteCurves(string svg) => AtomicFile.WriteAllText(CurvesFile, svg);
}
