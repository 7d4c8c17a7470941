using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>`deepdsl board --runs FOLDER --port 0` started as a user starts it, and the URL it printed; disposing stops it.</summary>
public sealed partial class BoardProcess : IDisposable
{
    private readonly Process process;

    public BoardProcess(string runsFolder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "board", "--runs", runsFolder, "--port", "0"])
            start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine();
        if (line is null || UrlPattern().Match(line) is not { Success: true } match)
        {
            var error = process.StandardError.ReadToEnd();
            Stop();
            throw new InvalidOperationException($"deepdsl board printed no URL: '{line}'\n{error}");
        }
        Url = new Uri(match.Value);
        FirstLine = line;
    }

    /// <summary>The board's address, http://127.0.0.1:PORT/.</summary>
    public Uri Url { get; }

    /// <summary>What the board printed first: the line with its URL.</summary>
    public string FirstLine { get; }

    public void Dispose() => Stop();

    private void Stop()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();
}
