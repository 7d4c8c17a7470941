using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The runs table with two runs: filtered by text, sorted by a clicked column; and the two ticked and compared, each chart
/// overlaying both runs' curves over the longer run's epochs.
/// </summary>
public sealed class BoardTableTests : IDisposable
{
    private readonly BoardRunsFolder folder = new();
    private readonly BoardBrowser browser = new();

    [Fact]
    public void Filter_keeps_the_rows_holding_its_text_and_a_column_click_sorts_by_it_then_reverses()
    {
        var (shorter, longer) = TwoRuns();
        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(board.Url);
        browser.Until(d => Rows(d).Count == 2, "both runs are listed");
        driver.FindElement(By.Id("filter")).SendKeys("long");
        Assert.Equal([longer], Rows(driver));
        driver.FindElement(By.Id("filter")).Clear();
        driver.FindElement(By.Id("filter")).SendKeys(" ");
        browser.Until(d => Rows(d).Count == 2, "clearing the filter shows both runs");

        var epochs = driver.FindElement(By.CssSelector("th[data-key='epochs']"));
        epochs.Click();
        Assert.Equal([shorter, longer], Rows(driver));
        Assert.Equal("ascending", epochs.GetAttribute("aria-sort"));
        epochs.Click();
        Assert.Equal([longer, shorter], Rows(driver));
        // The order holds across the table's next poll, which redraws it.
        var polls = Polls(driver);
        browser.Until(d => Polls(d) > polls, "the table was polled again");
        Assert.Equal([longer, shorter], Rows(driver));
    }

    [Fact]
    public void Compare_overlays_the_curves_of_the_runs_ticked_in_the_table()
    {
        var (shorter, longer) = TwoRuns();
        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(board.Url);
        foreach (var name in (string[])[shorter, longer])
            browser.Until(d => d.FindElement(By.CssSelector($"tr[data-run='{name}'] td.pick input")), $"{name} is listed").Click();
        // The table is redrawn on every poll: the ticks stay.
        var polls = Polls(driver);
        browser.Until(d => Polls(d) > polls, "the table was polled again");
        Assert.Equal(2, driver.FindElements(By.CssSelector("td.pick input")).Count(box => box.Selected));
        driver.FindElement(By.Id("compare")).Click();

        browser.Until(d => d.Url.Contains("/compare?", StringComparison.Ordinal), "the compare page opens");
        foreach (var chart in (string[])["chart-loss", "chart-val_loss", "chart-accuracy", "chart-val_accuracy"])
        {
            browser.Until(d => d.FindElement(By.Id(chart)).GetAttribute("data-points") == "6", $"{chart} spans the longer run's six epochs");
            var series = driver.FindElements(By.CssSelector($"#{chart} .u-legend .u-series .u-label")).Select(l => l.Text).ToList();
            Assert.Equal(["epoch", shorter, longer], series);
        }
        Assert.Equal([shorter, longer], driver.FindElements(By.CssSelector("#runs-compared a")).Select(a => a.Text));
        browser.Screenshot("compare");
    }

    // Three and six epochs, different seeds (so the curves differ): their names as the table gives them.
    private (string Shorter, string Longer) TwoRuns() =>
        ("short/" + Path.GetFileName(folder.Run("short", TinySpec.Named("short", "samples: 200, classes: 2, validation: 50").Replace("epochs: 1", "epochs: 3"))),
         "long/" + Path.GetFileName(folder.Run("long", TinySpec.Named("long", "samples: 200, classes: 2, validation: 50", line: "seed: 3").Replace("epochs: 1", "epochs: 6"))));

    // The polls the page has shown so far (board-text.js counts them on #updated).
    private static int Polls(IWebDriver driver) =>
        int.TryParse(driver.FindElement(By.Id("updated")).GetAttribute("data-polls"), out var polls) ? polls : 0;

    private static List<string> Rows(IWebDriver driver) =>
        [.. driver.FindElements(By.CssSelector("#runs tbody tr")).Select(r => r.GetAttribute("data-run")!)];

    public void Dispose()
    {
        browser.Dispose();
        folder.Dispose();
    }
}
