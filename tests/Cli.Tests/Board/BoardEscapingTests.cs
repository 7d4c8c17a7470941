using System.Text.Json.Nodes;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// Everything a run folder holds is untrusted: a folder name, a description or a record that holds markup is shown as that
/// text, in the table and on the run's page, and nothing of it runs (no alert, no element it would have made).
/// </summary>
public sealed class BoardEscapingTests : IDisposable
{
    private const string Experiment = "x\"><img src=x onerror=alert(1)>";
    private const string Id = "<script>alert(2)<script>";
    private const string Description = "<script>alert(3)</script> \\\"><img src=x onerror=alert(4)>";
    private const string StopReason = "\"><img src=x onerror=alert(5)><script>alert(6)</script>";

    private readonly BoardRunsFolder folder = new();
    private readonly BoardBrowser browser = new();

    [Fact]
    public void Names_descriptions_and_records_holding_markup_render_as_text()
    {
        var made = folder.Run("tiny", TinySpec.Named("tiny", line: $"description: \"{Description}\""));
        var hostile = Path.Combine(folder.Runs, Experiment, Id);
        Directory.CreateDirectory(Path.GetDirectoryName(hostile)!);
        Directory.Move(made, hostile);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(hostile, "summary.json")))!;
        summary["stop_reason"] = StopReason;
        File.WriteAllText(Path.Combine(hostile, "summary.json"), summary.ToJsonString());
        // A metric no record may hold: the run is listed as damaged, and what its reader said is text too.
        var damaged = Path.Combine(folder.Runs, Experiment, Id + "-damaged");
        Directory.CreateDirectory(damaged);
        File.Copy(Path.Combine(hostile, "spec.yaml"), Path.Combine(damaged, "spec.yaml"));
        summary["best"]!.AsObject().Add("<img src=x onerror=alert(7)>", 1);
        File.WriteAllText(Path.Combine(damaged, "summary.json"), summary.ToJsonString());

        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(board.Url);
        var row = browser.Until(d => d.FindElements(By.CssSelector("#runs tbody tr")).SingleOrDefault(r => r.GetAttribute("data-run") == $"{Experiment}/{Id}"),
            "the run with markup in its names is listed");
        var cells = row!.FindElements(By.TagName("td"));
        Assert.Equal(Experiment, cells[1].Text);
        Assert.Equal(Id, cells[2].Text);
        Assert.Contains(driver.FindElements(By.CssSelector("#runs tbody tr")), r => r.GetAttribute("data-run") == $"{Experiment}/{Id}-damaged" && r.GetAttribute("data-status") == "damaged");
        AssertNothingRan(driver, scripts: 5);
        browser.Screenshot("markup-as-text-table");

        row.FindElement(By.CssSelector("a")).Click();
        browser.Until(d => d.FindElement(By.Id("spec")).Text.Contains("description", StringComparison.Ordinal), "the run's page shows its spec");
        Assert.Equal($"{Experiment} / {Id}", driver.FindElement(By.Id("title")).Text);
        Assert.Contains("description: \"<script>alert(3)</script> \\\"><img src=x onerror=alert(4)>\"", driver.FindElement(By.Id("spec")).Text);
        Assert.Contains(driver.FindElements(By.CssSelector("#facts dd")), dd => dd.Text == StopReason);
        AssertNothingRan(driver, scripts: 5);
        browser.Screenshot("markup-as-text-run");

        // The compare page names the runs in its list and in the charts' legends (uPlot's, which sets text too).
        driver.Navigate().GoToUrl(new Uri(board.Url, $"compare?run={Uri.EscapeDataString($"{Experiment}/{Id}")}"));
        browser.Until(d => d.FindElement(By.Id("chart-loss")).GetAttribute("data-points") == "1", "the compare page draws the run");
        Assert.Equal($"{Experiment}/{Id}", driver.FindElement(By.CssSelector("#runs-compared a")).Text);
        Assert.Contains(driver.FindElements(By.CssSelector("#chart-loss .u-legend .u-label")), label => label.Text == $"{Experiment}/{Id}");
        AssertNothingRan(driver, scripts: 4);
    }

    // Only the board's own scripts are on the page, no image element was made, and no alert is open.
    private static void AssertNothingRan(IWebDriver driver, int scripts)
    {
        Assert.Empty(driver.FindElements(By.TagName("img")));
        Assert.Equal(scripts, driver.FindElements(By.TagName("script")).Count);
        Assert.All(driver.FindElements(By.TagName("script")), s => Assert.StartsWith("/assets/", new Uri(s.GetAttribute("src")!).AbsolutePath));
        Assert.Throws<NoAlertPresentException>(() => driver.SwitchTo().Alert());
    }

    public void Dispose()
    {
        browser.Dispose();
        folder.Dispose();
    }
}
