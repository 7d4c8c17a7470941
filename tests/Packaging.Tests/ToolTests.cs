using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DeepDsl.Packaging.Tests;

/// <summary>The DeepDsl.Cli dotnet tool, installed from the feed.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolTests(PackageFeed feed)
{
    [Fact]
    public void Deepdsl_validate_exits_0_on_a_valid_spec_and_1_on_an_invalid_one()
    {
        var folder = Directory.CreateDirectory(Path.Combine(feed.Root, "specs")).FullName;
        File.WriteAllText(Path.Combine(folder, "clusters.yaml"), Specs.Clusters);
        File.WriteAllText(Path.Combine(folder, "invalid-selu.yaml"), Specs.InvalidSelu);

        var valid = PackageFeed.Expect(0, ChildProcess.Run(folder, feed.Tool, "validate clusters.yaml", feed.Environment));
        Assert.Contains("clusters.yaml: ok", valid.Output);
        var invalid = PackageFeed.Expect(1, ChildProcess.Run(folder, feed.Tool, "validate invalid-selu.yaml", feed.Environment));
        Assert.Contains($"{Specs.InvalidSeluInitializer("invalid-selu.yaml")}: error DDSL101:", invalid.Output);
    }

    [Fact]
    public async Task Deepdsl_board_serves_its_page_and_the_bundled_charting_library()
    {
        var start = new ProcessStartInfo(feed.Tool) { WorkingDirectory = feed.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["board", "--runs", Path.Combine(feed.Root, "board-runs"), "--port", "0"]) start.ArgumentList.Add(argument);
        foreach (var (name, value) in feed.Environment) start.Environment[name] = value;
        using var board = Process.Start(start)!;
        try
        {
            var line = board.StandardOutput.ReadLine() ?? "";
            var url = Regex.Match(line, @"http://127\.0\.0\.1:\d+/");
            Assert.True(url.Success, $"deepdsl board printed '{line}'");
            using var http = new HttpClient { BaseAddress = new Uri(url.Value) };
            Assert.Contains("<table id=\"runs\">", await http.GetStringAsync("/"));
            // The library npm installed at build time, inside the tool: the board needs nothing online.
            Assert.Contains("uPlot", await http.GetStringAsync("/assets/uPlot.iife.min.js"));
            Assert.Equal("[]", await http.GetStringAsync("/api/runs"));
        }
        finally
        {
            board.Kill(entireProcessTree: true);
            board.WaitForExit();
        }
    }
}
