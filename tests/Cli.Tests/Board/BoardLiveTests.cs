using System.Diagnostics;
using DeepDsl.Processes;
using DeepDsl.Runs;
using OpenQA.Selenium;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The board in a real browser while runs come and go: the table lists the runs there are, a run started while the page is
/// open appears in it, and the run's curves gain points as it trains, all without a reload. Screenshots at 1280×800.
/// </summary>
public sealed class BoardLiveTests : IDisposable
{
    // Noisy classes and a decaying rate, so the screenshots show curves and not flat lines.
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
        // The run is paused (SIGSTOP) at the points the test looks at and resumed after, so what the page must show does not
        // depend on how fast this machine trains.
        var run = new RunDirectory(WaitFor(() => Directory.Exists(Path.Combine(folder.Runs, "slow"))
            ? Directory.GetDirectories(Path.Combine(folder.Runs, "slow")).FirstOrDefault(d => File.Exists(Path.Combine(d, "spec.yaml"))) : null, "the run's folder"));
        Signal(ProcessSignals.Stop);
        var row = browser.Until(d => d.FindElement(By.CssSelector("tr[data-run^='slow/']")), "the run started during the test appears in the table", Said);
        Assert.True(browser.IsSamePage(), "the table page was reloaded");
        browser.Screenshot("runs-table");

        row.FindElement(By.CssSelector("a")).Click();
        browser.Until(d => d.Url.Contains("/runs/slow/", StringComparison.Ordinal), "the run's page opens");
        browser.MarkPage();
        Signal(ProcessSignals.Continue);
        WaitFor(() => run.ReadMetrics().Count > 0 ? run : null, "the run's first epoch");
        Signal(ProcessSignals.Stop);
        var first = run.ReadMetrics().Count;
        browser.Until(d => Points(d) == first, $"the loss curve shows the {first} epoch(s) the run has finished", Said);
        Assert.True(first < 24, "the run was paused before its last epoch");
        Signal(ProcessSignals.Continue);
        browser.Until(d => Points(d) > first, $"the loss curve grows past {first} points", Said);
        Assert.True(browser.IsSamePage(), "the run's page was reloaded");
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#chart-loss canvas")));
        browser.Screenshot("run-training");

        Assert.True(training.WaitForExit(TimeSpan.FromMinutes(5)), "the run did not finish");
        Assert.True(training.ExitCode == 0, $"deepdsl run exited {training.ExitCode}: {Said()}");
        browser.Until(d => d.FindElement(By.Id("status")).Text == "completed" && Points(d) == 24, "the page shows the finished run");
        Assert.True(browser.IsSamePage(), "the run's page was reloaded");
        Assert.Contains("name: slow", driver.FindElement(By.Id("spec")).Text);
        browser.Screenshot("run-finished");
    }

    // Sends the training process a signal (Stop pauses it, Continue resumes it).
    private void Signal(int signal) => Assert.True(ProcessSignals.Send(training!, signal), $"signal {signal} not sent: {Said()}");

    // Waits (checking every 50 ms, as long as a loaded machine needs) for what the run writes to disk.
    private T WaitFor<T>(Func<T?> found, string what) where T : class
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(2); Thread.Sleep(50))
        {
            if (training!.HasExited) Assert.Fail($"deepdsl run ended before {what}: {Said()}");
            if (found() is { } value) return value;
        }
        Assert.Fail($"no {what} after two minutes: {Said()}");
        return null!;
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
