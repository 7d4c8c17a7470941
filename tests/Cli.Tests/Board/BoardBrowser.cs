using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// Debian's headless Chromium at 1280×800 driven through its own chromedriver (scripts/browser.sh install puts both there;
/// Selenium is told where, so it looks for nothing online), with a throwaway profile. Screenshots go to
/// artifacts/board-screenshots/ for a person to look at.
/// </summary>
public sealed class BoardBrowser : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string profile = Directory.CreateTempSubdirectory("deepdsl-board-chromium-").FullName;

    public BoardBrowser()
    {
        var (exit, output) = Processes.Run(Repository.Root, Path.Combine(Repository.Root, "scripts", "browser.sh"), ["install"]);
        Assert.True(exit == 0, output);
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--window-size=1280,800",
            "--force-device-scale-factor=1", $"--user-data-dir={profile}");
        Driver = new ChromeDriver(service, options, Patience);
    }

    public ChromeDriver Driver { get; }

    public static string Screenshots { get; } = Path.Combine(Repository.Root, "artifacts", "board-screenshots");

    /// <summary>Waits (the page polls every two seconds; a loaded machine may be slow) until <paramref name="condition"/> holds, and returns its value.</summary>
    /// <param name="context">More to say when it never holds: what a process beside the page printed.</param>
    public T Until<T>(Func<IWebDriver, T> condition, string what, Func<string>? context = null)
    {
        var wait = new WebDriverWait(Driver, Patience) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(condition);
        }
        catch (WebDriverTimeoutException timeout) when (context is not null)
        {
            throw new WebDriverTimeoutException($"{timeout.Message}\n{context()}", timeout);
        }
    }

    /// <summary>Marks the page now shown: <see cref="IsSamePage"/> tells later whether it was ever reloaded or left.</summary>
    public void MarkPage() => Driver.ExecuteScript("window.deepdslTestMark = 'unchanged';");

    public bool IsSamePage() => Driver.ExecuteScript("return window.deepdslTestMark === 'unchanged';") is true;

    /// <summary>Saves what the window shows (1280×800) as artifacts/board-screenshots/NAME.png.</summary>
    public void Screenshot(string name)
    {
        Directory.CreateDirectory(Screenshots);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Directory.Delete(profile, recursive: true);
    }
}
