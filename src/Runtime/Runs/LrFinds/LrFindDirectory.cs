using System.Text.Json;
using DeepDsl.IO;
using DeepDsl.Runs.Records;

namespace DeepDsl.Runs.LrFinds;

/// <summary>
/// One learning-rate sweep's record, runs/&lt;experiment&gt;/lr-find/&lt;timestamp&gt;-&lt;spec hash&gt;/: lr_find.json (how it swept,
/// what it suggests), lr_find.csv (every step), the resolved spec and the plot. A sweep is recorded once, when it has
/// finished: the folder is filled under a private name and renamed into place, so a reader sees the whole record or none.
/// It lies one level below the experiment's runs, where <see cref="RunCatalog"/> (which looks at runs/&lt;experiment&gt;/&lt;id&gt;/)
/// never takes it for a run.
/// </summary>
public sealed class LrFindDirectory
{
    /// <summary>The folder under an experiment's folder that holds its sweeps' records.</summary>
    public const string FolderName = "lr-find";
    public const string SummaryFileName = "lr_find.json";
    public const string StepsFileName = "lr_find.csv";
    public const string PlotFileName = "lr_find.svg";

    public LrFindDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public string SummaryFile => System.IO.Path.Combine(Path, SummaryFileName);
    public string StepsFile => System.IO.Path.Combine(Path, StepsFileName);
    public string SpecFile => System.IO.Path.Combine(Path, RunDirectory.SpecFileName);
    public string PlotFile => System.IO.Path.Combine(Path, PlotFileName);

    /// <summary>
    /// Records a finished sweep of <paramref name="summary"/>'s experiment (a name the language has checked) under
    /// <paramref name="runsRoot"/>, never outside it, and returns its folder.
    /// </summary>
    public static LrFindDirectory Create(string runsRoot, LrFindSummary summary, IReadOnlyList<LrFindStep> steps, string resolvedSpec, string plot) =>
        Create(runsRoot, summary.Experiment, summary.SpecHash, summary.Started, () => (summary, steps, resolvedSpec, plot));

    /// <summary>
    /// Makes the record's folder of a sweep of <paramref name="experiment"/> (a name the language has checked), started at
    /// <paramref name="started"/>, under <paramref name="runsRoot"/> and never outside it, under a private name, then runs
    /// <paramref name="sweep"/> and fills the folder with what it returns and renames it into place. The folder comes first,
    /// as a run's does: a runs folder that is a link out, or cannot be written, fails before a sweep that would be thrown away.
    /// </summary>
    public static LrFindDirectory Create(string runsRoot, string experiment, string specHash, DateTimeOffset started,
        Func<(LrFindSummary Summary, IReadOnlyList<LrFindStep> Steps, string ResolvedSpec, string Plot)> sweep)
    {
        var folder = PathGuard.CreateFolderInside(runsRoot, System.IO.Path.Combine(runsRoot, experiment, FolderName), RunId.Of(started, specHash), staging =>
        {
            var (summary, steps, resolvedSpec, plot) = sweep();
            // What is written must pass the door it is read through: a record the board would call damaged is a bug here.
            var problem = summary.Problem() ?? (steps.Count == summary.Steps ? null : $"it has {steps.Count} steps, but its summary says {summary.Steps}");
            if (problem is not null) throw new InvalidOperationException($"internal error: the lr-find record of {summary.Experiment} would be damaged: {problem}");
            var record = new LrFindDirectory(staging);
            var owned = new OwnedFolder(staging);
            AtomicFile.WriteAllText(record.SpecFile, resolvedSpec, owned);
            AtomicFile.WriteAllText(record.StepsFile, LrFindCsv.Format(steps), owned);
            AtomicFile.WriteAllText(record.PlotFile, plot, owned);
            AtomicFile.WriteAllText(record.SummaryFile, JsonSerializer.Serialize(summary, RunJson.Options) + "\n", owned);
        });
        return new LrFindDirectory(folder);
    }

    /// <summary>lr_find.json through its door (<see cref="RecordJson"/>, <see cref="LrFindSummary.Problem"/>).</summary>
    /// <exception cref="RunException">It is missing or not a sound record; the message names it.</exception>
    public LrFindSummary ReadSummary() =>
        File.Exists(SummaryFile) ? RecordJson.Read<LrFindSummary>(SummaryFile, s => s.Problem())
        : throw new RunException($"{SummaryFile}: no such file; {Path} is not a DeepDsl lr-find record.");

    public string ReadSpec() => RunDirectory.ReadSpec(SpecFile);

    /// <summary>The sweep's summary and steps, which agree with each other.</summary>
    /// <exception cref="RunException">A record is damaged, or the two disagree on how many steps ran.</exception>
    public LrFindRecords ReadRecords()
    {
        var summary = ReadSummary();
        return new LrFindRecords(summary, ReadSteps(summary));
    }

    /// <summary>
    /// lr_find.csv through its door (<see cref="LrFindCsv.Parse"/>), checked against <paramref name="summary"/> (read by
    /// <see cref="ReadSummary"/>), for a reader that has the summary already and reads lr_find.json once.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is damaged; the message names the file and line.</exception>
    /// <exception cref="IOException">It is missing, not a regular file, or larger than a record may be.</exception>
    /// <exception cref="RunException">It does not hold as many steps as <paramref name="summary"/> says ran.</exception>
    public IReadOnlyList<LrFindStep> ReadSteps(LrFindSummary summary)
    {
        var steps = LrFindCsv.Parse(System.Text.Encoding.UTF8.GetString(PathGuard.ReadFile(StepsFile, RecordJson.MaxBytes)), StepsFile);
        return steps.Count == summary.Steps ? steps
            : throw new RunException($"{StepsFile} is damaged: it has {steps.Count} steps, but {SummaryFileName} says {summary.Steps} ran.");
    }
}
