using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>Runs the built `deepdsl` CLI as a user would, in its own process, and captures what it printed.</summary>
public static class DeepDslProcess
{
    public sealed record Result(int Exit, string Output, string Error)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static Result Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 180)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return Run(start, $"deepdsl {string.Join(' ', arguments)}", timeoutSeconds);
    }

    /// <summary>Runs any program with its input closed and its output captured; fails when it runs past the limit.</summary>
    public static Result Run(ProcessStartInfo start, string what, int timeoutSeconds)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish in {timeoutSeconds} s");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, arguments, null);

    /// <summary>A user's error: exit 1, at most a few lines on stderr, and no stack trace.</summary>
    public static void AssertUserError(Result result, string expectedInMessage)
    {
        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains(expectedInMessage, result.Error + result.Output);
        AssertNoStackTrace(result);
    }

    public static void AssertNoStackTrace(Result result) =>
        Assert.False(System.Text.RegularExpressions.Regex.IsMatch(result.Output + result.Error, @"^\s+at \S+\(", System.Text.RegularExpressions.RegexOptions.Multiline), result.ToString());
}
