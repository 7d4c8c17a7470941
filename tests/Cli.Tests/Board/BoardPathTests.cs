namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// No path outside the runs folder is ever served: `../`, its percent-encodings (once and twice), absolute paths, and links
/// out of the runs folder (an experiment folder, a run folder, a record) all get 404, and the file beside the runs folder
/// never appears in an answer. Plain HTTP requests, as an attacker sends them.
/// </summary>
public sealed class BoardPathTests : IClassFixture<BoardPathTests.Outside>
{
    private const string Secret = "secret-beside-the-runs-folder";

    // Sorts after the real run's id, which starts with its start time.
    private const string Leaky = "leaky";

    private readonly Outside outside;

    public BoardPathTests(Outside outside) => this.outside = outside;

    /// <summary>A runs folder with one real run, a secret file beside it, a copy of the run outside it, and links to that copy from inside.</summary>
    public sealed class Outside : IDisposable
    {
        public Outside()
        {
            Runs = new BoardRunsFolder();
            RunId = Path.GetFileName(Runs.Run("tiny", TinySpec.Named("tiny")));
            File.WriteAllText(Path.Combine(Runs.Folder, "secret.txt"), Secret);
            var elsewhere = Path.Combine(Runs.Folder, "elsewhere", "tiny");
            Directory.CreateDirectory(elsewhere);
            var copy = Path.Combine(elsewhere, RunId);
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(Path.Combine(Runs.Runs, "tiny", RunId))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(copy, "spec.yaml"), Secret);
            File.CreateSymbolicLink(Path.Combine(Runs.Runs, "linked-experiment"), elsewhere);
            File.CreateSymbolicLink(Path.Combine(Runs.Runs, "tiny", "linked-run"), copy);
            // A run folder inside whose spec is a link to the secret.
            var planted = Path.Combine(Runs.Runs, "tiny", "planted");
            Directory.CreateDirectory(planted);
            File.CreateSymbolicLink(Path.Combine(planted, "spec.yaml"), Path.Combine(Runs.Folder, "secret.txt"));
            // A run folder inside, with its own spec, whose summary and metrics are links to the secret.
            var leaky = Path.Combine(Runs.Runs, "tiny", Leaky);
            Directory.CreateDirectory(leaky);
            File.Copy(Path.Combine(Runs.Runs, "tiny", RunId, "spec.yaml"), Path.Combine(leaky, "spec.yaml"));
            foreach (var record in (string[])["summary.json", "metrics.csv"])
                File.CreateSymbolicLink(Path.Combine(leaky, record), Path.Combine(Runs.Folder, "secret.txt"));
            Board = new BoardProcess(Runs.Runs);
        }

        public BoardRunsFolder Runs { get; }

        public string RunId { get; }

        public BoardProcess Board { get; }

        public void Dispose()
        {
            Board.Dispose();
            Runs.Dispose();
        }
    }

    [Fact]
    public void The_run_inside_is_served()
    {
        Assert.Equal(200, RawHttp.Get(outside.Board.Url, $"/api/runs/tiny/{outside.RunId}").Status);
        Assert.Equal(200, RawHttp.Get(outside.Board.Url, $"/runs/tiny/{outside.RunId}").Status);
    }

    [Theory]
    [InlineData("/api/runs/../../secret.txt")]
    [InlineData("/api/runs/tiny/../../../secret.txt")]
    [InlineData("/runs/../../secret.txt")]
    [InlineData("/assets/../../secret.txt")]
    [InlineData("/api/runs/..%2F..%2Fsecret.txt/x")]
    [InlineData("/api/runs/tiny/..%2F..%2F..%2Fsecret.txt")]
    [InlineData("/api/runs/%2e%2e/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/api/runs/%2e%2e%2f%2e%2e%2fsecret.txt/x")]
    [InlineData("/api/runs/%252e%252e%252f%252e%252e%252fsecret.txt/x")]
    [InlineData("/api/runs/tiny/%252e%252e%252f%252e%252e%252fsecret.txt")]
    [InlineData("/assets/..%2F..%2Fsecret.txt")]
    [InlineData("/assets/%2e%2e%2f%2e%2e%2fsecret.txt")]
    [InlineData("/api/runs/%2Fetc/passwd")]
    [InlineData("/api/runs//etc/passwd")]
    [InlineData("/runs/%2F%2Fetc/passwd")]
    [InlineData("/api/runs/..%5C..%5Csecret.txt/x")]
    [InlineData("/api/runs/..%c0%af..%c0%afsecret.txt/x")]
    public void A_traversal_however_encoded_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, path);
        Assert.Equal(404, status);
        Assert.DoesNotContain(Secret, body);
    }

    [Theory]
    [InlineData("/api/runs/linked-experiment/{run}")]
    [InlineData("/runs/linked-experiment/{run}")]
    [InlineData("/api/runs/tiny/linked-run")]
    [InlineData("/runs/tiny/linked-run")]
    [InlineData("/api/runs/tiny/planted")]
    [InlineData("/runs/tiny/planted")]
    public void A_link_out_of_the_runs_folder_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, path.Replace("{run}", outside.RunId));
        Assert.Equal(404, status);
        Assert.DoesNotContain(Secret, body);
    }

    [Fact]
    public void The_diff_of_two_runs_inside_is_served()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, $"/api/runs/tiny/{outside.RunId}/diff/tiny/{Leaky}");
        Assert.Equal(200, status);
        // The leaky run holds a copy of the real run's spec: nothing differs.
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("changes").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/runs/tiny/{run}/diff/../../../secret.txt")]
    [InlineData("/api/runs/tiny/{run}/diff/tiny/../../../../secret.txt")]
    [InlineData("/api/runs/tiny/{run}/diff/..%2F..%2Fsecret.txt/x")]
    [InlineData("/api/runs/tiny/{run}/diff/tiny/..%2F..%2F..%2Fsecret.txt")]
    [InlineData("/api/runs/tiny/{run}/diff/%2e%2e/%2e%2e")]
    [InlineData("/api/runs/tiny/{run}/diff/%2e%2e%2f%2e%2e%2fsecret.txt/x")]
    [InlineData("/api/runs/tiny/{run}/diff/%252e%252e%252f%252e%252e%252fsecret.txt/x")]
    [InlineData("/api/runs/tiny/{run}/diff/%2Fetc/passwd")]
    [InlineData("/api/runs/tiny/{run}/diff//etc/passwd")]
    [InlineData("/api/runs/tiny/{run}/diff/..%5C..%5Csecret.txt/x")]
    [InlineData("/api/runs/tiny/{run}/diff/linked-experiment/{run}")]
    [InlineData("/api/runs/tiny/{run}/diff/tiny/linked-run")]
    [InlineData("/api/runs/tiny/{run}/diff/tiny/planted")]
    [InlineData("/api/runs/tiny/planted/diff/tiny/{run}")]
    [InlineData("/api/runs/..%2F..%2Fsecret.txt/x/diff/tiny/{run}")]
    public void A_diff_naming_a_run_outside_either_way_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, path.Replace("{run}", outside.RunId));
        Assert.Equal(404, status);
        Assert.DoesNotContain(Secret, body);
    }

    [Fact]
    public void The_runs_list_holds_only_the_runs_inside()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, "/api/runs");
        Assert.Equal(200, status);
        var runs = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("experiment").GetString()}/{r.GetProperty("id").GetString()}").ToList();
        Assert.Equal([$"tiny/{outside.RunId}", $"tiny/{Leaky}"], runs);
        Assert.DoesNotContain(Secret, body);
    }

    [Fact]
    public void A_finished_run_says_so_so_its_page_stops_polling()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, $"/api/runs/tiny/{outside.RunId}");
        Assert.Equal(200, status);
        Assert.True(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("run").GetProperty("finished").GetBoolean());
        (_, body) = RawHttp.Get(outside.Board.Url, $"/api/runs/tiny/{Leaky}");
        Assert.False(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("run").GetProperty("finished").GetBoolean());
    }

    [Fact]
    public void A_run_whose_records_link_out_is_listed_damaged_and_its_page_says_why()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, "/api/runs");
        Assert.Equal(200, status);
        var row = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == Leaky);
        Assert.Equal("damaged", row.GetProperty("status").GetString());
        Assert.Contains("leads outside the runs folder", row.GetProperty("problem").GetString());

        (status, body) = RawHttp.Get(outside.Board.Url, $"/api/runs/tiny/{Leaky}");
        Assert.Equal(200, status);
        var problems = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("summary.json", StringComparison.Ordinal) && p.Contains("leads outside the runs folder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("metrics.csv", StringComparison.Ordinal) && p.Contains("leads outside the runs folder", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, body);
    }
}
