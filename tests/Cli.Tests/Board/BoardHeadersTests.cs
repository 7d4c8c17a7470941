namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// What every answer of the board carries (a content security policy that allows no inline script and nothing from
/// elsewhere, nosniff, no framing), and that a request addressed to another host name is refused, so a web page whose own
/// name was pointed at 127.0.0.1 (DNS rebinding) cannot read the runs.
/// </summary>
public sealed class BoardHeadersTests : IDisposable
{
    private readonly BoardRunsFolder folder = new();
    private readonly BoardProcess board;

    public BoardHeadersTests()
    {
        Directory.CreateDirectory(folder.Runs);
        board = new BoardProcess(folder.Runs);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/runs")]
    [InlineData("/assets/runs-table.js")]
    [InlineData("/assets/uPlot.iife.min.js")]
    [InlineData("/no/such/page")]
    public void Every_answer_carries_a_strict_content_security_policy(string path)
    {
        var (_, headers, _) = RawHttp.Get(board.Url, path, board.Url.Host);
        var lines = headers.Split("\r\n");
        var policy = Assert.Single(lines, l => l.StartsWith("Content-Security-Policy:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains(lines, l => l.Equals("X-Content-Type-Options: nosniff", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Equals("X-Frame-Options: DENY", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_request_addressed_to_another_host_name_is_refused()
    {
        Assert.Equal(400, RawHttp.Get(board.Url, "/api/runs", "rebound.example").Status);
        Assert.Equal(200, RawHttp.Get(board.Url, "/api/runs", "localhost").Status);
    }

    [Fact]
    public void The_board_prints_its_loopback_url_on_one_line()
    {
        Assert.StartsWith($"deepdsl board: http://127.0.0.1:{board.Url.Port}/ (runs: {folder.Runs};", board.FirstLine);
    }

    public void Dispose()
    {
        board.Dispose();
        folder.Dispose();
    }
}
