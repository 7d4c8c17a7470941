using System.Globalization;
using DeepDsl.Runs;
using DeepDsl.Sweeps;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// A real sweep in the browser: the index lists it; its page shows the leaderboard in metric order with each trial's values,
/// a scatter chart per swept parameter with one point per trial, the mean ± std over seeds as the sweep library computes
/// them, ASHA's stopped trials marked with their rung, and links to the trials' runs; a sweep name holding markup is text.
/// </summary>
[Collection("board sweep")]
public sealed class BoardSweepPageTests(BoardSweepRuns sweep)
{
    private BoardBrowser Browser => sweep.Browser;

    private IWebDriver Driver => sweep.Browser.Driver;

    [Fact]
    public void The_index_lists_the_sweep_with_its_trials_done_best_value_and_asha()
    {
        Driver.Navigate().GoToUrl(sweep.Board.Url);
        var row = Browser.Until(d => d.FindElements(By.CssSelector("#sweeps tbody tr")).SingleOrDefault(r => r.GetAttribute("data-sweep") == BoardSweepRuns.Name),
            "the sweep is listed");
        var cells = row!.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        var board = sweep.Leaderboard;
        Assert.Equal([BoardSweepRuns.Name, $"{board.Metric} ({(board.Maximize ? "max" : "min")})", "4 / 4", Metric(board.Trials[0].Metric), "yes", "finished"], cells);
        Assert.Equal($"/sweeps/{BoardSweepRuns.Name}", new Uri(row.FindElement(By.TagName("a")).GetAttribute("href")!).AbsolutePath);
        Browser.Screenshot("sweeps-index");
    }

    [Fact]
    public void The_sweep_page_shows_the_leaderboard_in_metric_order_with_each_trials_values_and_stops_polling()
    {
        var rows = Open(BoardSweepRuns.Name);
        var board = sweep.Leaderboard;
        Assert.Equal(board.Trials.Select(t => t.Index.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-index")!));
        var rank = 0;
        foreach (var (trial, row) in board.Trials.Zip(rows))
        {
            var cells = row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
            Assert.Equal((++rank).ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(trial.Index.ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(trial.Values[BoardSweepRuns.LearningRate], cells[2]);
            Assert.Equal(trial.Values["seed"], cells[3]);
            Assert.Equal(Metric(trial.Metric), cells[4]);
            Assert.Equal(trial.Epochs.ToString(CultureInfo.InvariantCulture), cells[6]);
            Assert.StartsWith(trial.Status, cells[8]);
            Assert.Equal(trial.Metric, double.Parse(row.GetAttribute("data-metric")!, CultureInfo.InvariantCulture));
        }
        // Every trial is done: the page stops asking.
        Browser.Until(d => d.FindElement(By.Id("updated")).Text.StartsWith("final", StringComparison.Ordinal), "the page says it is final");
        Browser.Screenshot("sweep");
    }

    [Fact]
    public void Each_swept_parameter_has_a_scatter_chart_with_one_point_per_trial_on_its_axis()
    {
        Open(BoardSweepRuns.Name);
        var charts = Driver.FindElements(By.CssSelector("#charts .chart")).ToDictionary(c => c.GetAttribute("data-parameter")!);
        Assert.Equal(new[] { BoardSweepRuns.LearningRate, "seed" }, charts.Keys);
        // 0.01 and 1e-6 are six decades apart: a log axis; the seeds 1 and 2 a linear one.
        Assert.Equal("log", charts[BoardSweepRuns.LearningRate].GetAttribute("data-scale"));
        Assert.Equal("linear", charts["seed"].GetAttribute("data-scale"));
        foreach (var chart in charts.Values)
        {
            Assert.Equal(sweep.Leaderboard.Trials.Count(t => !double.IsNaN(t.Metric)).ToString(CultureInfo.InvariantCulture), chart.GetAttribute("data-points"));
            Assert.Single(chart.FindElements(By.CssSelector("canvas")));
        }
        Assert.Equal($"{sweep.Leaderboard.Metric} by seed", Driver.FindElements(By.CssSelector("#charts figcaption"))[1].Text);
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('charts-title').scrollIntoView();");
        Browser.Screenshot("sweep-charts");
    }

    [Fact]
    public void Values_that_are_no_numbers_are_categories_on_the_charts_axis_and_no_seeds_table_is_shown()
    {
        var state = SweepState.Read(SweepFolder.For(sweep.Runs, BoardSweepRuns.Optimizers))!;
        Open(BoardSweepRuns.Optimizers, trials: state.Trials.Count);
        var chart = Driver.FindElement(By.CssSelector("#charts .chart"));
        Assert.Equal("training.optimizer", chart.GetAttribute("data-parameter"));
        Assert.Equal("category", chart.GetAttribute("data-scale"));
        Assert.Equal(state.Trials.Count.ToString(CultureInfo.InvariantCulture), chart.GetAttribute("data-points"));
        Assert.Single(chart.FindElements(By.CssSelector("canvas")));
        var values = Driver.FindElements(By.CssSelector("#leaderboard tbody tr")).Select(r => r.FindElements(By.TagName("td"))[2].Text).Order(StringComparer.Ordinal);
        Assert.Equal(state.Trials.Select(t => t.Values["training.optimizer"]).Order(StringComparer.Ordinal), values);
        Assert.False(Driver.FindElement(By.Id("seeds-section")).Displayed);
        // Without ASHA no trial is stopped, and the legend does not offer such trials.
        Assert.Equal(["training.optimizer", "trials"], chart.FindElements(By.CssSelector(".u-legend .u-label")).Select(l => l.Text));
        Browser.Screenshot("sweep-categories");
    }

    [Fact]
    public void The_seeds_table_holds_the_mean_and_std_of_the_sweep_library()
    {
        Open(BoardSweepRuns.Name);
        var rows = Browser.Until(d => d.FindElements(By.CssSelector("#seeds tbody tr")) is { Count: > 0 } found ? found : null, "the seeds table is shown");
        var groups = sweep.Leaderboard.Groups;
        Assert.Equal(groups.Count, rows!.Count);
        foreach (var (group, row) in groups.Zip(rows))
        {
            Assert.Equal(group.Values[BoardSweepRuns.LearningRate], row.FindElement(By.CssSelector("td")).Text);
            Assert.Equal(group.Mean, double.Parse(row.FindElement(By.CssSelector("td.mean")).GetAttribute("data-value")!, CultureInfo.InvariantCulture));
            Assert.Equal(group.Std, double.Parse(row.FindElement(By.CssSelector("td.std")).GetAttribute("data-value")!, CultureInfo.InvariantCulture));
            Assert.Equal(Metric(group.Mean), row.FindElement(By.CssSelector("td.mean")).Text);
            Assert.Equal(group.Seeds.Count.ToString(CultureInfo.InvariantCulture), row.FindElements(By.TagName("td"))[3].Text);
        }
    }

    [Fact]
    public void A_trial_stopped_by_asha_is_marked_with_its_rung_in_the_table_and_the_charts()
    {
        var rows = Open(BoardSweepRuns.Name).ToDictionary(r => int.Parse(r.GetAttribute("data-index")!, CultureInfo.InvariantCulture));
        var stopped = sweep.Leaderboard.Trials.Where(t => t.Status == RunStatus.EarlyTerminated.Name).ToList();
        // The trials at 1e-6 fall behind at the first rung (SweepCliTests.Asha_stops_clearly_bad_trials_at_the_first_rung).
        Assert.Contains(stopped, t => t.Index == 2);
        foreach (var trial in sweep.Leaderboard.Trials)
        {
            var row = rows[trial.Index];
            var marks = row.FindElements(By.CssSelector("span.asha")).Select(m => m.Text).ToList();
            if (stopped.Contains(trial))
            {
                // min_epochs 1, reduction factor 2: rung k is epoch 2^k, where the trial stopped.
                var rung = (int)Math.Round(Math.Log2(trial.Epochs));
                Assert.Equal([$"stopped by ASHA at rung {rung}"], marks);
                Assert.Equal("stopped", row.GetAttribute("class"));
            }
            else
            {
                Assert.Empty(marks);
            }
        }
        foreach (var chart in Driver.FindElements(By.CssSelector("#charts .chart")))
        {
            Assert.Equal(stopped.Count.ToString(CultureInfo.InvariantCulture), chart.GetAttribute("data-stopped"));
            Assert.Contains(chart.FindElements(By.CssSelector(".u-legend .u-label")), label => label.Text == "stopped by ASHA");
        }
    }

    [Fact]
    public void A_trial_links_to_its_runs_page()
    {
        var best = sweep.Leaderboard.Trials[0];
        var rows = Open(BoardSweepRuns.Name);
        rows[0].FindElement(By.CssSelector("td a")).Click();
        Browser.Until(d => d.Url.EndsWith($"/sweeps/{BoardSweepRuns.Name}/trials/{best.Hash}", StringComparison.Ordinal), "the trial's run page opens");
        Browser.Until(d => d.FindElement(By.Id("chart-loss")).GetAttribute("data-points") == best.Epochs.ToString(CultureInfo.InvariantCulture), "the trial's curves are drawn");
        Assert.Equal($"{BoardSweepRuns.Name} / sweep/trials/{best.Hash}", Driver.FindElement(By.Id("title")).Text);
        Browser.Screenshot("sweep-trial-run");
    }

    [Fact]
    public void A_sweep_name_holding_markup_renders_as_text()
    {
        Driver.Navigate().GoToUrl(sweep.Board.Url);
        var row = Browser.Until(d => d.FindElements(By.CssSelector("#sweeps tbody tr")).SingleOrDefault(r => r.GetAttribute("data-sweep") == BoardSweepRuns.Hostile),
            "the sweep with markup in its name is listed");
        Assert.Equal(BoardSweepRuns.Hostile, row!.FindElement(By.TagName("td")).Text);
        AssertNothingRan(scripts: 5);
        row.FindElement(By.TagName("a")).Click();
        Browser.Until(d => d.FindElements(By.CssSelector("#leaderboard tbody tr")).Count == sweep.Leaderboard.Trials.Count, "the sweep's page shows its trials");
        Assert.Equal(BoardSweepRuns.Hostile, Driver.FindElement(By.Id("title")).Text);
        AssertNothingRan(scripts: 4);
    }

    [Fact]
    public void The_page_follows_the_sweep_as_its_trials_finish_without_a_reload_then_stops_polling()
    {
        // A runs folder of its own, so the sweeps the other tests list stay as they are.
        var runs = Path.Combine(sweep.Folder, "following");
        var copy = SweepFolder.For(runs, BoardSweepRuns.Name);
        FinishedSweep.CopyFolder(sweep.Sweep.Path, copy.Path);
        var held = Path.Combine(sweep.Folder, "following-trials");
        // As the sweep stands before its first trial starts: every trial pending, none has a run folder yet.
        Directory.Move(copy.Trials, held);
        (sweep.State with { Trials = [.. sweep.State.Trials.Select(t => t with { Status = TrialState.Pending, Attempts = 0 })] }).Write(copy);
        using var board = new BoardProcess(runs);
        Open(BoardSweepRuns.Name, board);
        Browser.Until(d => d.FindElement(By.Id("progress")).Text == "0 / 4 trials done", "the page shows no trial done");
        Assert.All(Driver.FindElements(By.CssSelector("#charts .chart")), chart => Assert.Equal("0", chart.GetAttribute("data-points")));
        Browser.MarkPage();

        // The trials have run: their run folders, and the state the sweep writes after them.
        Directory.Move(held, copy.Trials);
        sweep.State.Write(copy);
        Browser.Until(d => d.FindElement(By.Id("progress")).Text == "4 / 4 trials done", "the page shows every trial done");
        Browser.Until(d => d.FindElement(By.Id("updated")).Text.StartsWith("final", StringComparison.Ordinal), "the page stops polling");
        Assert.True(Browser.IsSamePage(), "the sweep's page was reloaded");
        Assert.All(Driver.FindElements(By.CssSelector("#charts .chart")), chart => Assert.Equal("4", chart.GetAttribute("data-points")));
    }

    // The sweep's page, once its leaderboard shows every trial: the rows.
    private List<IWebElement> Open(string name, BoardProcess? board = null, int? trials = null)
    {
        Driver.Navigate().GoToUrl(new Uri((board ?? sweep.Board).Url, "sweeps/" + Uri.EscapeDataString(name)));
        var count = trials ?? sweep.Leaderboard.Trials.Count;
        return Browser.Until(d => d.FindElements(By.CssSelector("#leaderboard tbody tr")) is { } rows && rows.Count == count ? rows.ToList() : null,
            "the leaderboard shows every trial")!;
    }

    // A metric as the page writes it (board-text.js): accuracies in percent with two decimals, the rest with four.
    private string Metric(double value) =>
        sweep.Leaderboard.Metric.EndsWith("accuracy", StringComparison.Ordinal)
            ? (100 * value).ToString("F2", CultureInfo.InvariantCulture) + " %"
            : value.ToString("F4", CultureInfo.InvariantCulture);

    // Only the board's own scripts are on the page, no image element was made, and no alert is open.
    private void AssertNothingRan(int scripts)
    {
        Assert.Empty(Driver.FindElements(By.TagName("img")));
        Assert.Equal(scripts, Driver.FindElements(By.TagName("script")).Count);
        Assert.Throws<NoAlertPresentException>(() => Driver.SwitchTo().Alert());
    }
}
