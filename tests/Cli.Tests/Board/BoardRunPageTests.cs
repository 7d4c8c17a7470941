using System.Globalization;
using DeepDsl.Runs;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// A run's page in a real browser: the momentum panel draws metrics.csv's momentum (and is absent for a run without the
/// column), and the spec diff lists the settings that differ from the chosen run, as text whatever they hold. Screenshots at
/// 1280×800.
/// </summary>
public sealed class BoardRunPageTests : IDisposable
{
    private readonly BoardRunsFolder folder = new();
    private readonly BoardBrowser browser = new();

    [Fact]
    public void The_momentum_panel_draws_metrics_csv_momentum_and_is_absent_without_the_column()
    {
        // SGD with momentum under 1cycle, which cycles the momentum: a different value each epoch.
        var spec = TinySpec.Named("cycled", "samples: 400, classes: 2, validation: 100").Replace("epochs: 1", "epochs: 4")
            .Replace("optimizer: sgd", "optimizer: { sgd: { learning_rate: 0.05, momentum: 0.9 } }\n  schedule: { one_cycle: { max_lr: 0.05, cycle_momentum: true } }");
        var made = folder.Run("cycled", spec);
        var momentum = new RunDirectory(made).ReadMetrics().Select(m => m.Momentum).ToList();
        Assert.True(momentum.Distinct().Count() > 1, "1cycle cycles the momentum");
        // The same run as written before metrics.csv had the column.
        var older = Path.Combine(folder.Runs, "cycled", "older");
        Directory.CreateDirectory(older);
        foreach (var file in Directory.GetFiles(made)) File.Copy(file, Path.Combine(older, Path.GetFileName(file)));
        var csv = Path.Combine(older, "metrics.csv");
        File.WriteAllLines(csv, File.ReadAllLines(csv).Select(line => line[..line.LastIndexOf(',')]));

        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(board.Url, $"runs/cycled/{Path.GetFileName(made)}"));
        browser.Until(d => d.FindElement(By.Id("chart-momentum")).GetAttribute("data-points") == "4", "the momentum panel draws the four epochs");
        Assert.True(driver.FindElement(By.Id("figure-momentum")).Displayed);
        var drawn = (IReadOnlyList<object>)driver.ExecuteScript("return RunCharts.data('chart-momentum');")!;
        Assert.Equal([1.0, 2.0, 3.0, 4.0], Numbers(drawn[0]));
        Assert.Equal(momentum, Numbers(drawn[1]));
        driver.ExecuteScript("arguments[0].scrollIntoView();", driver.FindElement(By.Id("figure-momentum")));
        browser.Screenshot("run-momentum");

        driver.Navigate().GoToUrl(new Uri(board.Url, "runs/cycled/older"));
        browser.Until(d => d.FindElement(By.Id("chart-loss")).GetAttribute("data-points") == "4", "the older run's page draws its curves");
        Assert.False(driver.FindElement(By.Id("figure-momentum")).Displayed);
        Assert.Null(driver.FindElement(By.Id("chart-momentum")).GetAttribute("data-points"));
    }

    [Fact]
    public void The_spec_diff_lists_the_changed_settings_against_the_chosen_run_as_text()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        RunShaped("tiny", "20260101-000000-aaaaaaaaaaaa", TinySpec.Named("tiny", line: "description: plain"));
        RunShaped("tiny", "20260102-000000-bbbbbbbbbbbb", TinySpec.Named("tiny", line: $"description: \"{Markup}\"").Replace("epochs: 1", "epochs: 2"));
        // Newer than both, but of another experiment: listed after this experiment's runs.
        RunShaped("renamed", "20260103-000000-cccccccccccc", TinySpec.Named("renamed", line: $"description: \"{Markup}\"").Replace("epochs: 1", "epochs: 2"));

        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(board.Url, "runs/tiny/20260102-000000-bbbbbbbbbbbb"));
        browser.Until(d => Rows(d).Count == 2, "the diff against the other run of the experiment lists two settings");
        var options = driver.FindElements(By.CssSelector("#diff-with option"));
        Assert.Equal(["tiny/20260101-000000-aaaaaaaaaaaa", "renamed/20260103-000000-cccccccccccc"], options.Select(o => o.Text));
        Assert.Equal("tiny/20260101-000000-aaaaaaaaaaaa", driver.FindElement(By.Id("diff-before")).Text);
        var rows = Rows(driver).ToDictionary(r => r[0]);
        Assert.Equal(["description", "training.epochs"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("plain", rows["description"][1]);
        Assert.Contains(Markup, rows["description"][2]);
        Assert.Equal(("1", "2"), (rows["training.epochs"][1], rows["training.epochs"][2]));
        AssertNothingRan(driver);
        driver.ExecuteScript("arguments[0].scrollIntoView();", driver.FindElement(By.Id("diff-with")));
        browser.Screenshot("run-spec-diff");

        options[1].Click();
        browser.Until(d => Rows(d) is [[var path, ..]] && path == "name", "the diff against the run chosen: only the name differs");
        AssertNothingRan(driver);
    }

    // What the diff table shows: per row, its setting, the chosen run's value and this run's.
    private static List<string[]> Rows(IWebDriver driver) => driver.FindElement(By.Id("diff")).Displayed
        ? [.. driver.FindElements(By.CssSelector("#diff tbody tr")).Select(r => r.FindElements(By.TagName("td")).Select(td => td.Text).ToArray())]
        : [];

    private static List<double> Numbers(object column) => [.. ((IEnumerable<object>)column).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))];

    private static void AssertNothingRan(IWebDriver driver)
    {
        Assert.Empty(driver.FindElements(By.TagName("img")));
        Assert.Throws<NoAlertPresentException>(() => driver.SwitchTo().Alert());
    }

    // What the board asks of a run: a folder holding spec.yaml (the diff needs no other record).
    private void RunShaped(string experiment, string id, string spec)
    {
        var run = Path.Combine(folder.Runs, experiment, id);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "spec.yaml"), spec);
    }

    public void Dispose()
    {
        browser.Dispose();
        folder.Dispose();
    }
}
