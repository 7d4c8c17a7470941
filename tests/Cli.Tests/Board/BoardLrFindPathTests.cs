using System.Text.Json;
using DeepDsl.Cli.Board;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The lr-find API and pages go through the board's one door as the runs do: traversals however encoded, absolute paths and
/// links out of the runs folder get 404, nothing beside the runs folder appears in an answer, a record whose files are
/// damaged or lead out is listed with why, and no lr-find record is listed as a run.
/// </summary>
public sealed class BoardLrFindPathTests : IClassFixture<BoardLrFindPathTests.Outside>
{
    private const string Secret = "secret-beside-the-runs-folder";

    private readonly Outside outside;

    public BoardLrFindPathTests(Outside outside) => this.outside = outside;

    /// <summary>
    /// A runs folder with one real lr-find record, a secret file beside it, a copy of the record outside it with links to it
    /// from inside, and records inside whose files are links to the secret, damaged, or forged.
    /// </summary>
    public sealed class Outside : IDisposable
    {
        public Outside()
        {
            Runs = new BoardRunsFolder();
            var real = Runs.LrFind("tiny", TinySpec.Text);
            RecordId = Path.GetFileName(real);
            var secret = Path.Combine(Runs.Folder, "secret.txt");
            File.WriteAllText(secret, Secret);
            var elsewhere = Path.Combine(Runs.Folder, "elsewhere", "tiny");
            var copy = Copy(real, Path.Combine(elsewhere, LrFindDirectory.FolderName, RecordId));
            File.WriteAllText(Path.Combine(copy, "spec.yaml"), Secret);
            File.CreateSymbolicLink(Path.Combine(Runs.Runs, "linked-experiment"), elsewhere);
            var records = Path.GetDirectoryName(real)!;
            File.CreateSymbolicLink(Path.Combine(records, "linked"), copy);
            // A record inside whose lr_find.json is a link to the secret.
            var planted = Directory.CreateDirectory(Path.Combine(records, "planted")).FullName;
            File.CreateSymbolicLink(Path.Combine(planted, LrFindDirectory.SummaryFileName), secret);
            // A record inside whose steps and spec are links to the secret.
            var leaky = Copy(real, Path.Combine(records, "leaky"));
            foreach (var file in (string[])[LrFindDirectory.StepsFileName, "spec.yaml"])
            {
                File.Delete(Path.Combine(leaky, file));
                File.CreateSymbolicLink(Path.Combine(leaky, file), secret);
            }
            var damaged = Copy(real, Path.Combine(records, "damaged"));
            File.WriteAllText(Path.Combine(damaged, LrFindDirectory.StepsFileName), "step,lr,loss,smoothed_loss\n1,0.001,NaN,2\n");
            var forged = Copy(real, Path.Combine(records, "forged"));
            var summary = File.ReadAllText(Path.Combine(forged, LrFindDirectory.SummaryFileName));
            File.WriteAllText(Path.Combine(forged, LrFindDirectory.SummaryFileName), summary.Replace("\"method\": \"fastai\"", "\"method\": \"<img src=x>\""));
            Board = new BoardProcess(Runs.Runs);
        }

        public BoardRunsFolder Runs { get; }

        public string RecordId { get; }

        public BoardProcess Board { get; }

        public void Dispose()
        {
            Board.Dispose();
            Runs.Dispose();
        }

        private static string Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            return to;
        }
    }

    [Fact]
    public void The_record_inside_is_served()
    {
        Assert.Equal(200, RawHttp.Get(outside.Board.Url, $"/api/lr-finds/tiny/{outside.RecordId}").Status);
        Assert.Equal(200, RawHttp.Get(outside.Board.Url, $"/lr-finds/tiny/{outside.RecordId}").Status);
    }

    [Theory]
    [InlineData("/api/lr-finds/../../secret.txt")]
    [InlineData("/api/lr-finds/tiny/../../../secret.txt")]
    [InlineData("/lr-finds/../../secret.txt")]
    [InlineData("/api/lr-finds/..%2F..%2Fsecret.txt/x")]
    [InlineData("/api/lr-finds/tiny/..%2F..%2F..%2Fsecret.txt")]
    [InlineData("/lr-finds/tiny/..%2F..%2F..%2Fsecret.txt")]
    [InlineData("/api/lr-finds/%2e%2e/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/api/lr-finds/%2e%2e%2f%2e%2e%2fsecret.txt/x")]
    [InlineData("/api/lr-finds/%252e%252e%252f%252e%252e%252fsecret.txt/x")]
    [InlineData("/api/lr-finds/tiny/%252e%252e%252f%252e%252e%252fsecret.txt")]
    [InlineData("/api/lr-finds/%2Fetc/passwd")]
    [InlineData("/api/lr-finds//etc/passwd")]
    [InlineData("/lr-finds/%2F%2Fetc/passwd")]
    [InlineData("/api/lr-finds/..%5C..%5Csecret.txt/x")]
    [InlineData("/api/lr-finds/..%c0%af..%c0%afsecret.txt/x")]
    public void A_traversal_however_encoded_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, path);
        Assert.Equal(404, status);
        Assert.DoesNotContain(Secret, body);
    }

    [Theory]
    [InlineData("/api/lr-finds/linked-experiment/{id}")]
    [InlineData("/lr-finds/linked-experiment/{id}")]
    [InlineData("/api/lr-finds/tiny/linked")]
    [InlineData("/lr-finds/tiny/linked")]
    [InlineData("/api/lr-finds/tiny/planted")]
    [InlineData("/lr-finds/tiny/planted")]
    public void A_link_out_of_the_runs_folder_gets_404(string path)
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, path.Replace("{id}", outside.RecordId));
        Assert.Equal(404, status);
        Assert.DoesNotContain(Secret, body);
    }

    /// <summary>Kestrel removes dot segments before routing, so these reach only the door itself.</summary>
    [Theory]
    [InlineData("..", "x")]
    [InlineData("tiny", "../x")]
    [InlineData(".", "x")]
    [InlineData("tiny", "..")]
    [InlineData("tiny/lr-find", "x")]
    [InlineData("tiny", ".new-0123")]
    public void A_name_that_is_not_one_folder_finds_no_record(string experiment, string id) =>
        Assert.Null(BoardRunFolder.FindLrFind(BoardRoot.Of(outside.Runs.Runs), experiment, id));

    [Fact]
    public void The_list_holds_the_records_inside_and_the_runs_list_none_of_them()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, "/api/lr-finds");
        Assert.Equal(200, status);
        var records = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("experiment").GetString()}/{r.GetProperty("id").GetString()}").ToList();
        Assert.Equal([$"tiny/{outside.RecordId}", "tiny/damaged", "tiny/forged", "tiny/leaky"], records);
        Assert.DoesNotContain(Secret, body);
        (status, body) = RawHttp.Get(outside.Board.Url, "/api/runs");
        Assert.Equal(200, status);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetArrayLength());
    }

    [Fact]
    public void A_forged_summary_is_listed_with_why_and_its_page_says_so()
    {
        var (_, body) = RawHttp.Get(outside.Board.Url, "/api/lr-finds");
        var row = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "forged");
        Assert.Contains("lr_find.json is damaged: method is", row.GetProperty("problem").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("suggestions").ValueKind);
        var (status, page) = RawHttp.Get(outside.Board.Url, "/api/lr-finds/tiny/forged");
        Assert.Equal(200, status);
        Assert.Contains(Problems(page), p => p.Contains("method is", StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_whose_files_are_damaged_or_lead_out_shows_why_and_never_the_secret()
    {
        var (status, body) = RawHttp.Get(outside.Board.Url, "/api/lr-finds/tiny/leaky");
        Assert.Equal(200, status);
        var problems = Problems(body);
        Assert.Contains(problems, p => p.Contains(LrFindDirectory.StepsFileName, StringComparison.Ordinal) && p.Contains("leads outside the runs folder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("spec.yaml", StringComparison.Ordinal) && p.Contains("leads outside the runs folder", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, body);

        (status, body) = RawHttp.Get(outside.Board.Url, "/api/lr-finds/tiny/damaged");
        Assert.Equal(200, status);
        Assert.Contains(Problems(body), p => p.Contains("lr_find.csv:2 is damaged: loss is not a finite number", StringComparison.Ordinal));
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("curve").GetProperty("lr").GetArrayLength());
    }

    private static List<string> Problems(string page) =>
        [.. JsonDocument.Parse(page).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];
}
