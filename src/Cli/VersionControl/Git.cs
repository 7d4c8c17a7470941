using System.Diagnostics;
using System.Text;
using DeepDsl.Processes;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// Runs git in one repository. Arguments go through ArgumentList, never a shell, so paths and
/// revisions from specs or from git itself cannot be read as shell syntax.
/// </summary>
internal sealed class Git
{
    public Git(string workingDirectory) => WorkingDirectory = workingDirectory;

    public string WorkingDirectory { get; }

    /// <summary>The repository holding the current directory, or null outside one (or without git).</summary>
    public static Git? AtCurrentDirectory()
    {
        var probe = new Git(Environment.CurrentDirectory);
        var top = probe.Run("rev-parse", "--show-toplevel");
        return top.Ok ? new Git(top.Text.Trim()) : null;
    }

    public GitResult Run(params string[] arguments) => Run(arguments, input: null);

    public GitResult Run(IEnumerable<string> arguments, string? input)
    {
        // Our own calls must not re-enter the diff driver, page, or colour their output.
        var start = ProcessStart.Of(["git", "--no-pager", "-c", "core.quotepath=off", "-c", "color.ui=never", .. arguments]);
        start.WorkingDirectory = WorkingDirectory;
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new GitResult(127, "", $"git could not be started: {e.Message}");
        }
    }

    /// <summary>The path of a file relative to the repository's top, with forward slashes; null when outside it.</summary>
    public string? RelativePath(string fullPath)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
