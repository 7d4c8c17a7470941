using System.Diagnostics;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The board in a real browser while runs come and go: the table lists the runs there are, a run started while the page is
/// open appears in it, and the run's curves gain points as it trains, all without a reload. Screenshots at 1280×800.
/// </summary>
public sealed class BoardLiveTests : IDisposable
{
    // Slow enough (most of a second an epoch, 24 epochs) that the page, polling every two seconds, sees the curve grow; noisy
    // classes and a decaying rate, so the screenshots show curves and not flat lines.
    private const string Slow = """
        name: slow
        data: { dataset: synthetic, samples: 100000, classes: 2, validation: 4000, noise: 4.0 }
        model:
          input: [32]
          layers:
            - dense: { units: 128, activation: relu }
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          schedule: { exponential: { decay_steps: 10 } }
          batch_size: 16
          epochs: 24
        """;

    private readonly BoardRunsFolder folder = new();
    private readonly BoardBrowser browser = new();
    private readonly System.Text.StringBuilder output = new();
    private Process? training;

    [Fact]
    public void A_run_started_while_the_page_is_open_appears_and_its_curves_gain_points_without_a_reload()
    {
        var finished = Path.GetFileName(folder.Run("tiny", TinySpec.Named("tiny").Replace("epochs: 1", "epochs: 3")));
        using var board = new BoardProcess(folder.Runs);
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(board.Url);
        browser.Until(d => d.FindElement(By.CssSelector($"tr[data-run='tiny/{finished}']")), "the finished run is listed");
        Assert.Equal("completed", driver.FindElement(By.CssSelector($"tr[data-run='tiny/{finished}']")).GetAttribute("data-status"));
        browser.MarkPage();

        File.WriteAllText(Path.Combine(folder.Folder, "slow.yaml"), Slow);
        training = Start(folder.Folder, "run", Path.Combine(folder.Folder, "slow.yaml"), "--runs", folder.Runs);
        var row = browser.Until(d => d.FindElement(By.CssSelector("tr[data-run^='slow/']")), "the run started during the test appears in the table", Said);
        Assert.True(browser.IsSamePage(), "the table page was reloaded");
        browser.Screenshot("runs-table");

        row.FindElement(By.CssSelector("a")).Click();
        browser.Until(d => d.Url.Contains("/runs/slow/", StringComparison.Ordinal), "the run's page opens");
        browser.MarkPage();
        browser.Until(d => Points(d) > 0, "the loss curve has its first points", Said);
        var first = Points(driver);
        browser.Until(d => Points(d) > first, $"the loss curve grows past {first} points", Said);
        var later = Points(driver);
        Assert.True(browser.IsSamePage(), "the run's page was reloaded");
        Assert.True(later > first);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#chart-loss canvas")));
        browser.Screenshot("run-training");

        Assert.True(training.WaitForExit(TimeSpan.FromMinutes(5)), "the run did not finish");
        Assert.True(training.ExitCode == 0, $"deepdsl run exited {training.ExitCode}: {Said()}");
        browser.Until(d => d.FindElement(By.Id("status")).Text == "completed" && Points(d) == 24, "the page shows the finished run");
        Assert.True(browser.IsSamePage(), "the run's page was reloaded");
        Assert.Contains("name: slow", driver.FindElement(By.Id("spec")).Text);
        browser.Screenshot("run-finished");
    }

    private string Said()
    {
        lock (output) return "deepdsl run said:\n" + output;
    }

    private static int Points(IWebDriver driver) =>
        int.TryParse(driver.FindElement(By.Id("chart-loss")).GetAttribute("data-points"), out var points) ? points : 0;

    private Process Start(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) lock (output) output.AppendLine(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) lock (output) output.AppendLine(text); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        if (training is { HasExited: false }) training.Kill(entireProcessTree: true);
        training?.Dispose();
        browser.Dispose();
        folder.Dispose();
    }
}
