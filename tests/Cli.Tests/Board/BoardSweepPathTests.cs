using System.Text.Json;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The sweep API over a real sweep, and its door: the sweep and its trials' runs are served; `../`, its percent-encodings,
/// names that are no sweep or no spec hash, and links out of the runs folder (a sweep folder, a sweep.json, a trial's folder)
/// get 404; a damaged sweep.json or trial record is shown with its reader's message. Plain HTTP requests, as an attacker sends them.
/// </summary>
[Collection("board sweep")]
public sealed class BoardSweepPathTests(BoardSweepRuns sweep)
{
    [Fact]
    public void The_sweep_its_page_and_each_trials_run_are_served()
    {
        Assert.Equal(200, RawHttp.Get(sweep.Board.Url, $"/sweeps/{BoardSweepRuns.Name}").Status);
        Assert.Equal(200, RawHttp.Get(sweep.Board.Url, $"/api/sweeps/{BoardSweepRuns.Name}").Status);
        foreach (var trial in sweep.Leaderboard.Trials)
        {
            Assert.Equal(200, RawHttp.Get(sweep.Board.Url, $"/sweeps/{BoardSweepRuns.Name}/trials/{trial.Hash}").Status);
            var (status, body) = RawHttp.Get(sweep.Board.Url, $"/api/sweeps/{BoardSweepRuns.Name}/trials/{trial.Hash}");
            Assert.Equal(200, status);
            var page = JsonDocument.Parse(body).RootElement;
            Assert.Equal($"sweep/trials/{trial.Hash}", page.GetProperty("run").GetProperty("id").GetString());
            Assert.Equal(trial.Status, page.GetProperty("run").GetProperty("status").GetString());
            Assert.Equal(trial.Epochs, page.GetProperty("curves").GetProperty("epoch").GetArrayLength());
        }
    }

    [Fact]
    public void The_api_gives_the_leaderboard_and_seed_groups_of_the_sweep_library()
    {
        var page = Page(BoardSweepRuns.Name);
        var board = sweep.Leaderboard;
        var facts = page.GetProperty("sweep");
        Assert.Equal(board.Metric, facts.GetProperty("metric").GetString());
        Assert.Equal(board.Maximize, facts.GetProperty("maximize").GetBoolean());
        Assert.True(facts.GetProperty("asha").GetBoolean());
        Assert.Equal(4, facts.GetProperty("trials").GetInt32());
        Assert.Equal(4, facts.GetProperty("done").GetInt32());
        Assert.True(facts.GetProperty("finished").GetBoolean());
        Assert.Equal(board.Trials[0].Metric, facts.GetProperty("best").GetDouble());
        Assert.Equal(new[] { BoardSweepRuns.LearningRate, "seed" }, page.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!));

        var trials = page.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(board.Trials.Select(t => t.Index), trials.Select(t => t.GetProperty("index").GetInt32()));
        foreach (var (expected, trial) in board.Trials.Zip(trials))
        {
            Assert.Equal(expected.Hash, trial.GetProperty("hash").GetString());
            Assert.Equal(expected.Metric, trial.GetProperty("metric").GetDouble());
            Assert.Equal(expected.Epochs, trial.GetProperty("epochs").GetInt32());
            Assert.Equal(expected.Status, trial.GetProperty("status").GetString());
            Assert.Equal(expected.Values[BoardSweepRuns.LearningRate], trial.GetProperty("values").GetProperty(BoardSweepRuns.LearningRate).GetString());
            Assert.True(trial.GetProperty("run").GetBoolean());
        }

        var groups = page.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, board.Groups.Count);
        Assert.Equal(board.Groups.Select(g => (g.Mean, g.Std, g.Seeds.Count)),
            groups.Select(g => (g.GetProperty("mean").GetDouble(), g.GetProperty("std").GetDouble(), g.GetProperty("n").GetInt32())));

        var charts = page.GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("parameter").GetString()!);
        Assert.Equal("log", charts[BoardSweepRuns.LearningRate].GetProperty("scale").GetString());
        Assert.Equal("linear", charts["seed"].GetProperty("scale").GetString());
        Assert.All(charts.Values, c => Assert.Equal(4, c.GetProperty("points").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/sweeps/..%2F..%2Fsecret.txt")]
    [InlineData("/api/sweeps/..%2Fsecret.txt/trials/x")]
    [InlineData("/api/sweeps/%2e%2e")]
    [InlineData("/api/sweeps/%2e%2e%2f%2e%2e%2fsecret.txt")]
    [InlineData("/api/sweeps/%252e%252e%252f%252e%252e%252fsecret.txt")]
    [InlineData("/api/sweeps/..%5C..%5Csecret.txt")]
    [InlineData("/api/sweeps/%2Fetc")]
    [InlineData("/sweeps/..%2F..%2Fsecret.txt")]
    [InlineData("/sweeps/../../secret.txt")]
    [InlineData("/sweeps/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/api/sweeps/clusters-asha/trials/..%2F..%2F..%2F..%2Fsecret.txt")]
    [InlineData("/api/sweeps/clusters-asha/trials/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/api/sweeps/clusters-asha/trials/..%2F..%2Fsweep.json")]
    [InlineData("/sweeps/clusters-asha/trials/%2e%2e%2f%2e%2e%2fsweep.json")]
    [InlineData("/api/sweeps/clusters-asha/trials/not-a-hash")]
    [InlineData("/api/sweeps/no-such-sweep")]
    public void A_traversal_however_encoded_or_a_name_that_is_no_sweep_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(sweep.Board.Url, path);
        Assert.Equal(404, status);
        Assert.DoesNotContain(BoardSweepRuns.Secret, body);
    }

    [Theory]
    [InlineData("/api/sweeps/linked")]
    [InlineData("/sweeps/linked")]
    [InlineData("/api/sweeps/linked/trials/{0}")]
    [InlineData("/api/sweeps/planted")]
    [InlineData("/sweeps/planted")]
    [InlineData("/api/sweeps/leaky/trials/{0}")]
    [InlineData("/sweeps/leaky/trials/{0}")]
    public void A_link_out_of_the_runs_folder_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(sweep.Board.Url, path.Replace("{0}", sweep.Hashes[0]));
        Assert.Equal(404, status);
        Assert.DoesNotContain(BoardSweepRuns.Secret, body);
    }

    [Fact]
    public void The_sweeps_list_holds_the_sweeps_inside_and_a_damaged_one_with_why()
    {
        var (status, body) = RawHttp.Get(sweep.Board.Url, "/api/sweeps");
        Assert.Equal(200, status);
        var sweeps = JsonDocument.Parse(body).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(new[] { BoardSweepRuns.Hostile, BoardSweepRuns.Name, BoardSweepRuns.Optimizers, "damaged", "leaky" }.Order(StringComparer.Ordinal), sweeps.Keys);
        Assert.Equal(JsonValueKind.Null, sweeps[BoardSweepRuns.Name].GetProperty("problem").ValueKind);
        Assert.Contains("sweep.json is damaged", sweeps["damaged"].GetProperty("problem").GetString());
        // Only sweep.json's failure marks a sweep damaged: leaky's bad trials are its page's to show, and its row counts them all.
        Assert.Equal(JsonValueKind.Null, sweeps["leaky"].GetProperty("problem").ValueKind);
        Assert.Equal(4, sweeps["leaky"].GetProperty("trials").GetInt32());
        Assert.Equal(4, sweeps["leaky"].GetProperty("done").GetInt32());
        Assert.DoesNotContain(BoardSweepRuns.Secret, body);
    }

    [Fact]
    public void A_damaged_sweep_json_is_shown_with_its_readers_message()
    {
        var page = Page("damaged");
        var problems = page.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("sweep.json is damaged", StringComparison.Ordinal));
        Assert.Equal(0, page.GetProperty("trials").GetArrayLength());
        Assert.False(page.GetProperty("sweep").GetProperty("finished").GetBoolean());
    }

    [Fact]
    public void A_trial_whose_folder_or_record_leads_out_is_listed_without_its_records_and_says_why()
    {
        var (status, body) = RawHttp.Get(sweep.Board.Url, "/api/sweeps/leaky");
        Assert.Equal(200, status);
        Assert.DoesNotContain(BoardSweepRuns.Secret, body);
        var trials = JsonDocument.Parse(body).RootElement.GetProperty("trials").EnumerateArray().ToDictionary(t => t.GetProperty("hash").GetString()!);
        Assert.Equal(4, trials.Count);
        Assert.Contains("leads out of the sweep folder", trials[sweep.Hashes[0]].GetProperty("problem").GetString());
        Assert.Contains("leads outside the runs folder", trials[sweep.Hashes[1]].GetProperty("problem").GetString());
        foreach (var hash in sweep.Hashes.Take(2))
        {
            Assert.Equal(JsonValueKind.Null, trials[hash].GetProperty("metric").ValueKind);
            Assert.False(trials[hash].GetProperty("run").GetBoolean());
        }
        Assert.All(sweep.Hashes.Skip(2), hash => Assert.True(trials[hash].GetProperty("run").GetBoolean()));
    }

    private JsonElement Page(string name)
    {
        var (status, body) = RawHttp.Get(sweep.Board.Url, $"/api/sweeps/{name}");
        Assert.Equal(200, status);
        return JsonDocument.Parse(body).RootElement;
    }
}
