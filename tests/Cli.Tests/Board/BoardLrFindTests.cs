using System.Globalization;
using System.Text.Json.Nodes;
using DeepDsl.Runs.LrFinds;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// A recorded lr-find in the browser: listed in the index page's lr-find table (and not among the runs), its page drawing
/// loss against learning rate with one point per recorded step, each suggestion marked, and the suggestions as text equal
/// to lr_find.json's. What the record says is shown as text, never run.
/// </summary>
public sealed class BoardLrFindTests : IDisposable
{
    private const string StoppedEarly = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";

    private readonly BoardRunsFolder folder = new();
    private readonly BoardBrowser browser = new();

    [Fact]
    public void The_page_draws_every_recorded_step_and_the_suggestions_of_lr_find_json()
    {
        var record = new LrFindDirectory(folder.LrFind("tiny", TinySpec.Text));
        // Why it stopped, as a forged record could say it: text on the page.
        var json = JsonNode.Parse(File.ReadAllText(record.SummaryFile))!;
        json["stopped_early"] = StoppedEarly;
        File.WriteAllText(record.SummaryFile, json.ToJsonString());
        var recorded = record.ReadRecords();
        var id = Path.GetFileName(record.Path);

        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(board.Url);
        var row = browser.Until(d => d.FindElements(By.CssSelector("#lr-finds tbody tr")).SingleOrDefault(), "the sweep is listed in the lr-find table");
        Assert.Equal($"tiny/{id}", row!.GetAttribute("data-lr-find"));
        var cells = row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        Assert.Equal(["tiny", id, "fastai", recorded.Steps.Count.ToString(CultureInfo.InvariantCulture)], (string[])[cells[0], cells[1], cells[3], cells[4]]);
        Assert.StartsWith("minimum/10 ", cells[5]);
        browser.Until(d => d.FindElement(By.Id("empty")).Displayed, "the runs table says there are no runs");
        Assert.Empty(driver.FindElements(By.CssSelector("#runs tbody tr")));
        browser.Screenshot("lr-find-table");

        row.FindElement(By.CssSelector("a")).Click();
        var chart = browser.Until(d => d.FindElement(By.CssSelector("#chart-lr-find[data-points]")), "the chart is drawn");
        Assert.Equal(recorded.Steps.Count.ToString(CultureInfo.InvariantCulture), chart.GetAttribute("data-points"));
        browser.Until(d => chart.GetAttribute("data-markers") == "minimum/10,valley,steepest,minimum", "every suggestion is marked on the chart");
        Assert.Equal(["lr", "batch loss", "smoothed loss"], driver.FindElements(By.CssSelector("#chart-lr-find .u-legend .u-label")).Select(l => l.Text));

        var shown = driver.FindElements(By.CssSelector("#suggestions dd")).ToDictionary(dd => dd.GetAttribute("data-suggestion")!, dd => double.Parse(dd.GetAttribute("data-value")!, CultureInfo.InvariantCulture));
        var suggested = recorded.Summary.Suggestions;
        Assert.Equal(new Dictionary<string, double>
        {
            ["minimum/10"] = suggested.MinimumOverTen, ["valley"] = suggested.Valley, ["steepest"] = suggested.Steepest, ["minimum"] = suggested.Minimum,
        }, shown);
        // Each rate as the CLI prints it (G3), the same text in the terminal and on the page.
        Assert.All(driver.FindElements(By.CssSelector("#suggestions dd")), dd =>
            Assert.Equal(double.Parse(dd.GetAttribute("data-value")!, CultureInfo.InvariantCulture).ToString("G3", CultureInfo.InvariantCulture), dd.Text));

        Assert.Contains(driver.FindElements(By.CssSelector("#facts dd")), dd => dd.Text == StoppedEarly);
        Assert.Empty(driver.FindElements(By.TagName("img")));
        Assert.All(driver.FindElements(By.TagName("script")), s => Assert.StartsWith("/assets/", new Uri(s.GetAttribute("src")!).AbsolutePath));
        Assert.Throws<NoAlertPresentException>(() => driver.SwitchTo().Alert());
        Assert.Contains("name: tiny", driver.FindElement(By.Id("spec")).Text);
        browser.Screenshot("lr-find");
    }

    public void Dispose()
    {
        browser.Dispose();
        folder.Dispose();
    }
}
