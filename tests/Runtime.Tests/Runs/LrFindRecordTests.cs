using System.Text.Json.Nodes;
using DeepDsl.LearningRateSearch;
using DeepDsl.Runs;
using DeepDsl.Runs.LrFinds;
using DeepDsl.Runs.Records;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>
/// An lr-find record (runs/EXPERIMENT/lr-find/ID/): written whole and read back as it was; a damaged or forged lr_find.csv or
/// lr_find.json is refused with one line naming the file (and the line of a CSV row); and no run listing takes it for a run.
/// </summary>
public sealed class LrFindRecordTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("deepdsl-lrfind-record-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>A fastai sweep of a simulated problem (the finder's own tests' loss), stopped when it diverged.</summary>
    private static (LrFindSummary Summary, IReadOnlyList<LrFindStep> Steps) Sweep()
    {
        var settings = new LrFinderSettings(LrFinderMethod.Fastai);
        var result = LearningRateFinder.Run(settings, 100, lr => lr > 1 ? 10 * lr : 2.0 - 0.9 * Math.Exp(-Math.Pow(Math.Log10(lr) + 2, 2) / 0.5), () => { });
        var summary = new LrFindSummary("tiny", "0123456789abcdef", "/specs/tiny.yaml", "fastai", settings.Start, settings.EndLr, settings.StopFactor,
            settings.Smoothing, result.Points.Count, result.StoppedEarly, new LrFindSuggestions(result.MinimumOverTen, result.Valley, result.Steepest, result.Minimum),
            "cpu", 42, new Dictionary<string, string> { ["deepdsl"] = "dev", ["engine"] = "native" }, new DateTimeOffset(2026, 12, 7, 17, 5, 0, TimeSpan.Zero), 1.5);
        IReadOnlyList<LrFindStep> steps = [.. result.Points.Select((p, i) => new LrFindStep(i + 1, p.Lr, p.Loss, p.Smoothed))];
        return (summary, steps);
    }

    private LrFindDirectory Record()
    {
        var (summary, steps) = Sweep();
        return LrFindDirectory.Create(root, summary, steps, "name: tiny\n", "<svg/>");
    }

    [Fact]
    public void A_record_reads_back_as_it_was_written()
    {
        var (summary, steps) = Sweep();
        var record = LrFindDirectory.Create(root, summary, steps, "name: tiny\n", "<svg/>");
        var read = record.ReadRecords();
        Assert.Equal(summary with { Versions = read.Summary.Versions }, read.Summary);
        Assert.Equal(summary.Versions, read.Summary.Versions);
        Assert.Equal(steps, read.Steps);
        Assert.NotNull(read.Summary.StoppedEarly);
        Assert.Equal("name: tiny\n", record.ReadSpec());
        Assert.Equal("<svg/>", File.ReadAllText(record.PlotFile));
    }

    [Fact]
    public void A_record_lies_under_its_experiments_lr_find_folder_named_by_start_time_and_spec_hash()
    {
        var record = Record();
        Assert.Equal(Path.Combine(root, "tiny", LrFindDirectory.FolderName, "20261207-170500-0123456789ab"), record.Path);
        Assert.Equal(["lr_find.csv", "lr_find.json", "lr_find.svg", "spec.yaml"], Directory.GetFiles(record.Path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        // A second sweep in the same second gets a folder of its own.
        Assert.NotEqual(record.Path, Record().Path);
    }

    [Fact]
    public void A_planted_link_out_of_the_runs_folder_is_refused_and_nothing_written_through_it()
    {
        var outside = Directory.CreateTempSubdirectory("deepdsl-lrfind-outside-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "tiny"));
            Directory.CreateSymbolicLink(Path.Combine(root, "tiny", LrFindDirectory.FolderName), outside);
            Assert.Contains("lies outside", Assert.Throws<IOException>(() => Record()).Message);
            Assert.Empty(Directory.GetFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void No_run_listing_takes_an_lr_find_record_for_a_run()
    {
        var record = Record();
        Assert.Empty(RunCatalog.List(root));
        Assert.Throws<FileNotFoundException>(() => RunCatalog.Find("tiny", root));
        var entry = Assert.Single(LrFindCatalog.List(root));
        Assert.Equal(("tiny", Path.GetFileName(record.Path), record.Path), (entry.Experiment, entry.Id, entry.Record.Path));
    }

    [Fact]
    public void A_folder_still_being_filled_is_not_listed()
    {
        Record();
        var staging = Path.Combine(root, "tiny", LrFindDirectory.FolderName, ".new-0123");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, LrFindDirectory.SummaryFileName), "{}");
        Assert.Single(LrFindCatalog.List(root));
    }

    [Theory]
    [InlineData("step,lr,loss\n1,0.001,2.3\n", "is not a DeepDsl lr-find file")]
    [InlineData("\n", "is not a DeepDsl lr-find file")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,2.3\n", ":2 is damaged: expected 4 values, found 3")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,2.3,2.3,9\n", ":2 is damaged: expected 4 values, found 5")]
    [InlineData("step,lr,loss,smoothed_loss\n1,abc,2.3,2.3\n", ":2 is damaged: lr is not a number")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,NaN,2.3\n", ":2 is damaged: loss is not a finite number")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,2.3,Infinity\n", ":2 is damaged: smoothed_loss is not a finite number")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0,2.3,2.3\n", ":2 is damaged: lr is not > 0")]
    [InlineData("step,lr,loss,smoothed_loss\n1,-1e-3,2.3,2.3\n", ":2 is damaged: lr is not > 0")]
    [InlineData("step,lr,loss,smoothed_loss\n2,0.001,2.3,2.3\n", ":2 is damaged: the step should be 1")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,2.3,2.3\n\n2,0.002,2.2,2.2\n", ":3 is damaged: expected 4 values, found 1")]
    [InlineData("step,lr,loss,smoothed_loss\n1,0.001,2.3,2.3\n2,0.002,2.2,<script>\n", ":3 is damaged: smoothed_loss is not a number")]
    public void A_damaged_csv_is_refused_naming_its_file_and_line(string csv, string expected)
    {
        var record = Record();
        File.WriteAllText(record.StepsFile, csv);
        var error = Assert.Throws<InvalidDataException>(() => record.ReadRecords());
        Assert.StartsWith(record.StepsFile, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_csv_is_refused_naming_it()
    {
        var record = Record();
        File.WriteAllText(record.StepsFile, "");
        Assert.Equal($"{record.StepsFile}: it is empty (or a /proc file, which reports no size)", Assert.ThrowsAny<IOException>(() => record.ReadRecords()).Message);
    }

    [Fact]
    public void A_csv_with_another_number_of_steps_than_its_summary_is_refused()
    {
        var record = Record();
        var lines = File.ReadAllLines(record.StepsFile);
        File.WriteAllLines(record.StepsFile, lines[..^1]);
        var error = Assert.Throws<RunException>(() => record.ReadRecords());
        Assert.Contains($"{record.StepsFile} is damaged: it has {lines.Length - 2} steps, but lr_find.json says {lines.Length - 1} ran", error.Message);
    }

    [Theory]
    [InlineData("suggestions.valley", "\"NaN\"", "suggestions.valley is NaN, not a finite number > 0")]
    [InlineData("suggestions.minimum", "-0.1", "suggestions.minimum is -0.1, not a finite number > 0")]
    [InlineData("start_lr", "0", "start_lr is 0, not a finite number > 0")]
    [InlineData("method", "\"adam\"", "method is 'adam', not one of book, fastai")]
    [InlineData("experiment", "\"\\u001b[2Jtiny\"", "experiment holds the control or invalid character U+001B")]
    [InlineData("smoothing", "1", "smoothing is not a number in 0..1")]
    [InlineData("stop_factor", "\"Infinity\"", "stop_factor is not a finite number > 1")]
    [InlineData("steps", "2", "steps is 2, outside 3..")]
    [InlineData("suggestions", "null", "lr_find.json is damaged")]
    [InlineData("suggestions.valley", "\"fast\"", "lr_find.json is damaged")]
    public void A_damaged_or_forged_summary_is_refused_naming_its_file_and_field(string field, string json, string expected)
    {
        var record = Record();
        var summary = JsonNode.Parse(File.ReadAllText(record.SummaryFile))!;
        var path = field.Split('.');
        var parent = path[..^1].Aggregate(summary, (node, name) => node[name]!);
        parent[path[^1]] = JsonNode.Parse(json);
        File.WriteAllText(record.SummaryFile, summary.ToJsonString());
        var error = Assert.Throws<RunException>(() => record.ReadRecords());
        Assert.StartsWith(record.SummaryFile, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_summary_missing_a_field_or_not_json_is_refused()
    {
        var record = Record();
        var summary = JsonNode.Parse(File.ReadAllText(record.SummaryFile))!.AsObject();
        summary.Remove("suggestions");
        File.WriteAllText(record.SummaryFile, summary.ToJsonString());
        Assert.Contains($"{record.SummaryFile} is damaged", Assert.Throws<RunException>(() => record.ReadRecords()).Message);
        File.WriteAllText(record.SummaryFile, "{ \"experiment\": ");
        Assert.Contains($"{record.SummaryFile} is damaged", Assert.Throws<RunException>(() => record.ReadRecords()).Message);
    }

    [Theory]
    [InlineData(LrFindDirectory.StepsFileName)]
    [InlineData(LrFindDirectory.SummaryFileName)]
    public void A_record_file_larger_than_any_record_is_refused_unread(string name)
    {
        var record = Record();
        using (var huge = new FileStream(Path.Combine(record.Path, name), FileMode.Truncate))
            huge.SetLength(RecordJson.MaxBytes + 1); // sparse: nothing is written, the size is what is refused
        var error = Assert.ThrowsAny<IOException>(() => record.ReadRecords());
        Assert.Contains(Path.Combine(record.Path, name), error.Message);
        Assert.Contains("bytes; at most", error.Message);
    }

    [Fact]
    public void A_missing_summary_says_the_folder_is_no_lr_find_record()
    {
        var record = Record();
        File.Delete(record.SummaryFile);
        Assert.Contains("is not a DeepDsl lr-find record", Assert.Throws<RunException>(() => record.ReadRecords()).Message);
    }
}
