using System.Text.Json;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl runs` over recorded runs: JSON for scripts, filters, and plain lines that fit the width.</summary>
public sealed class RunsCommandTests
{
    private static string Runs()
    {
        var root = Directory.CreateTempSubdirectory("deepdsl-runs-cli-").FullName;
        foreach (var (experiment, id, status) in new[] { ("cifar10-selu", "20250101-120000-aaaaaaaaaaaa", "completed"), ("cifar10-selu", "20250102-120000-bbbbbbbbbbbb", "interrupted"), ("cifar10-elu-he-nadam", "20250103-120000-cccccccccccc", "completed") })
        {
            var run = new RunDirectory(Path.Combine(root, "runs", experiment, id));
            Directory.CreateDirectory(run.Path);
            run.WriteSpec("name: x\n");
            run.WriteSummary(new RunSummary(experiment, id[^12..], "x.yaml", status, null, 12, 9, new Dictionary<string, double> { ["val_accuracy"] = 0.5, ["val_loss"] = 1.25 },
                new Dictionary<string, double> { ["accuracy"] = 0.49 }, 60, 5, "cpu", 42, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, null));
        }
        return root;
    }

    [Fact]
    public void Json_lists_each_run_with_its_name_path_and_summary()
    {
        var (exit, output) = Cli(Runs(), "runs", "--json");
        Assert.Equal(0, exit);
        var runs = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["cifar10-selu/20250101-120000-aaaaaaaaaaaa", "cifar10-selu/20250102-120000-bbbbbbbbbbbb", "cifar10-elu-he-nadam/20250103-120000-cccccccccccc"],
            runs.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("interrupted", runs[1].GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public void Filters_by_experiment_and_status()
    {
        var root = Runs();
        var (_, output) = Cli(root, "runs", "cifar10-selu", "--status", "completed", "--json");
        Assert.Equal(["20250101-120000-aaaaaaaaaaaa"], JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void An_unknown_status_is_a_usage_error_naming_it()
    {
        var result = DeepDslProcess.Run(Runs(), "runs", "--status", "bogus");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("bogus", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_status_no_run_has_says_so_and_how_many_runs_there_are()
    {
        var result = DeepDslProcess.Run(Runs(), "runs", "--status", "failed");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.StartsWith("No runs with status failed under runs (3 runs in total).", result.Output);
        var of = DeepDslProcess.Run(Runs(), "runs", "cifar10-selu", "--status", "diverged");
        Assert.StartsWith("No runs of cifar10-selu with status diverged under runs (2 runs of cifar10-selu in total).", of.Output);
    }

    [Fact]
    public void Every_status_the_table_can_show_is_one_status_accepts()
    {
        foreach (var status in (string[])["completed", "running", "interrupted", "early_stopped", "early_terminated", "diverged", "pending", "failed", "damaged", "unknown"])
            Assert.True(DeepDslProcess.Run(Runs(), "runs", "--status", status).Exit == 0, status);
    }

    [Fact]
    public void Piped_output_is_one_plain_line_per_run()
    {
        var (exit, output) = Cli(Runs(), "runs");
        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("run ", lines[0]);
        Assert.StartsWith("cifar10-elu-he-nadam/20250103-120000-cccccccccccc  completed", lines[3]);
    }

    private static (int Exit, string Output) Cli(string folder, params string[] arguments) => Processes.Deepdsl(folder, arguments);
}
