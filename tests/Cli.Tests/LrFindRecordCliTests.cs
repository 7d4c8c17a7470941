using System.Globalization;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl lr-find` records its sweep under the runs folder (runs/EXPERIMENT/lr-find/ID/), says where, and no run listing takes the record for a run.</summary>
public sealed class LrFindRecordCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-lrfind-record-").FullName;

    public LrFindRecordCliTests() => File.WriteAllText(Path.Combine(folder, "tiny.yaml"), TinySpec.Text);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_sweep_is_recorded_under_the_runs_folder_as_printed()
    {
        var result = DeepDslProcess.Run(folder, "lr-find", "tiny.yaml", "--method", "fastai", "--runs", "records");
        Assert.True(result.Exit == 0, result.ToString());
        var entry = Assert.Single(LrFindCatalog.List(Path.Combine(folder, "records")));
        Assert.Equal("tiny", entry.Experiment);
        Assert.Contains($"Record: {entry.Record.Path}\n", result.Output);
        Assert.Contains($"Plot: {entry.Record.PlotFile}\n", result.Output);

        var records = entry.Record.ReadRecords();
        Assert.Equal("fastai", records.Summary.Method);
        Assert.Equal(1e-7, records.Summary.StartLr);
        Assert.Contains($"{records.Steps.Count} batches, lr ", result.Output);
        var suggested = records.Summary.Suggestions;
        string R(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
        Assert.Contains($"minimum/10 = {R(suggested.MinimumOverTen)}, valley = {R(suggested.Valley)}, steepest = {R(suggested.Steepest)} (minimum at {R(suggested.Minimum)})", result.Output);
        Assert.Equal(records.Steps.Select(s => s.Lr).Order(), records.Steps.Select(s => s.Lr));
        Assert.Contains("engine", records.Summary.Versions.Keys);
        Assert.Contains("name: tiny", entry.Record.ReadSpec());
        Assert.Contains("<svg", File.ReadAllText(entry.Record.PlotFile));
        // The plot is in the record; nothing is written beside the spec unless --plot asks.
        Assert.Equal(["tiny.yaml"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void Plot_still_writes_the_svg_where_asked_and_the_runs_list_shows_no_run()
    {
        var result = DeepDslProcess.Run(folder, "lr-find", "tiny.yaml", "--method", "fastai", "--runs", "records", "--plot", "sweep.svg");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"Plot: {Path.Combine(folder, "sweep.svg")}\n", result.Output);
        var record = Assert.Single(LrFindCatalog.List(Path.Combine(folder, "records"))).Record;
        Assert.Equal(File.ReadAllText(record.PlotFile), File.ReadAllText(Path.Combine(folder, "sweep.svg")));

        var runs = DeepDslProcess.Run(folder, "runs", "--runs", "records", "--json");
        Assert.True(runs.Exit == 0, runs.ToString());
        Assert.Equal("[]", runs.Output.Trim());
        runs = DeepDslProcess.Run(folder, "runs", "--runs", "records");
        Assert.Contains("No runs under records", runs.Output);
    }

    [Fact]
    public void A_record_folder_that_leads_out_of_the_runs_folder_fails_before_the_sweep_on_one_line()
    {
        var outside = Path.Combine(folder, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Path.Combine(folder, "records"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "records", "tiny"), outside);
        var result = DeepDslProcess.Run(folder, "lr-find", "tiny.yaml", "--method", "fastai", "--runs", "records");
        Assert.True(result.Exit == 1, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deepdsl: error: ", line);
        Assert.Contains("outside", line);
        DeepDslProcess.AssertNoStackTrace(result);
        // No sweep ran (it would have printed its suggestions first), and nothing was written where the link leads.
        Assert.DoesNotContain("Suggested learning rates", result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }
}
