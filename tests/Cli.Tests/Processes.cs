using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>Runs real programs for the CLI-level tests: the built deepdsl, git, the browser script.</summary>
internal static class Processes
{
    public static (int Exit, string Output) Run(string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{program} {string.Join(' ', arguments)} did not finish");
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The deepdsl built with the tests, as `dotnet deepdsl.dll …`.</summary>
    public static (int Exit, string Output) Deepdsl(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(folder, "dotnet", [Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), .. arguments], environment);
}
