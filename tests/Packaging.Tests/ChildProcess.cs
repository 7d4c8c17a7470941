using System.Diagnostics;

namespace DeepDsl.Packaging.Tests;

/// <summary>A command run to its end, with its exit code, everything it printed, and what it printed on stderr alone.</summary>
public sealed record ChildProcess(int Exit, string Output, string Error)
{
    public static ChildProcess Run(string workingDirectory, string file, string arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        // A libtorch chosen for this checkout must not leak into the user's project.
        start.Environment.Remove("DEEPDSL_LIBTORCH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ChildProcess(process.ExitCode, $"$ {file} {arguments}\n{stdout.Result}{stderr.Result}", stderr.Result);
    }
}
