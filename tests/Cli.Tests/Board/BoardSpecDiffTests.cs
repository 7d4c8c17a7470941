using System.Text.Json;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// A run page's spec diff, as the API answers it: the changes `deepdsl diff` finds between the two runs' resolved specs, from
/// the chosen run (before) to this one (after); a spec that does not compile is its message, never a 500; and a run's spec is
/// compiled from its own text alone, so its `extends` reads nothing outside the runs folder.
/// </summary>
public sealed class BoardSpecDiffTests : IDisposable
{
    private const string Earlier = "20260101-000000-aaaaaaaaaaaa";
    private const string Later = "20260102-000000-bbbbbbbbbbbb";

    private readonly BoardRunsFolder folder = new();

    [Fact]
    public void The_changes_are_those_deepdsl_diff_finds_from_the_chosen_run_to_this_one()
    {
        var before = RunShaped("tiny", Earlier, TinySpec.Named("tiny"));
        var after = RunShaped("tiny", Later, TinySpec.Named("tiny", "samples: 200, classes: 2").Replace("epochs: 1", "epochs: 3"));
        var cli = DeepDslProcess.Run(folder.Folder, ["diff", before, after, "--json"]);
        Assert.True(cli.Exit == 1, cli.ToString());
        var expected = JsonDocument.Parse(cli.Output).RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("path").GetString(), c.GetProperty("old").GetString(), c.GetProperty("new").GetString())).ToList();
        Assert.Equal(2, expected.Count);

        using var board = new BoardProcess(folder.Runs);
        var diff = Diff(board, $"/api/runs/tiny/{Later}/diff/tiny/{Earlier}");
        Assert.Equal($"tiny/{Later}", diff.GetProperty("run").GetString());
        Assert.Equal($"tiny/{Earlier}", diff.GetProperty("other").GetString());
        Assert.Equal(expected, diff.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("path").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString())));
        Assert.Empty(diff.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void A_spec_that_does_not_compile_is_its_message_not_a_500()
    {
        RunShaped("tiny", Earlier, TinySpec.Named("tiny"));
        RunShaped("tiny", Later, "name: [unclosed\n");
        using var board = new BoardProcess(folder.Runs);
        var diff = Diff(board, $"/api/runs/tiny/{Earlier}/diff/tiny/{Later}");
        Assert.Equal(JsonValueKind.Null, diff.GetProperty("changes").ValueKind);
        var problem = Assert.Single(diff.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.Contains(Path.Combine(folder.Runs, "tiny", Later, "spec.yaml"), problem);
        Assert.Contains("does not compile", problem);
        Assert.Contains("error DDSL", problem);
    }

    [Fact]
    public void A_spec_a_rule_refuses_is_still_compared_as_the_run_was_made_from_it()
    {
        // What `deepdsl run` wrote for a run without a validation split before the monitor's default followed the data: the
        // checkpoint's default monitor, val_loss, written out, which DDSL501 refuses when a spec names it.
        const string Monitor = "training:\n  checkpoint: { monitor: val_loss }\n";
        RunShaped("tiny", Earlier, TinySpec.Named("tiny").Replace("training:\n", Monitor));
        RunShaped("tiny", Later, TinySpec.Named("tiny").Replace("training:\n", Monitor).Replace("epochs: 1", "epochs: 2"));
        using var board = new BoardProcess(folder.Runs);
        var diff = Diff(board, $"/api/runs/tiny/{Later}/diff/tiny/{Earlier}");
        var change = Assert.Single(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal(("training.epochs", "1", "2"), (change.GetProperty("path").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
    }

    [Fact]
    public void An_extends_in_a_runs_spec_reads_nothing_beside_the_runs_folder()
    {
        // A valid base beside the runs folder: read, it would make the spec compile and show its description.
        File.WriteAllText(Path.Combine(folder.Folder, "base.yaml"), TinySpec.Named("tiny", line: "description: secret-of-the-base"));
        RunShaped("tiny", Earlier, TinySpec.Named("tiny"));
        RunShaped("tiny", Later, "extends: ../../../base.yaml\nname: tiny\n");
        using var board = new BoardProcess(folder.Runs);
        var (status, body) = RawHttp.Get(board.Url, $"/api/runs/tiny/{Earlier}/diff/tiny/{Later}");
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(body).RootElement.GetProperty("changes").ValueKind);
        Assert.DoesNotContain("secret-of-the-base", body);
    }

    // What the board's door asks of a run: a folder holding spec.yaml.
    private string RunShaped(string experiment, string id, string spec)
    {
        var run = Path.Combine(folder.Runs, experiment, id);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "spec.yaml"), spec);
        return Path.Combine(run, "spec.yaml");
    }

    private static JsonElement Diff(BoardProcess board, string path)
    {
        var (status, body) = RawHttp.Get(board.Url, path);
        Assert.True(status == 200, $"{status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose() => folder.Dispose();
}
