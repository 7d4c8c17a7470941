using System.Diagnostics;

namespace DeepDsl.Generator.Tests.VersionControl;

/// <summary>A scratch git repository with the built deepdsl installed in it; real git, real CLI processes.</summary>
internal sealed class GitRepository
{
    public GitRepository() => Root = Directory.CreateTempSubdirectory("deepdsl-git-").FullName;

    public string Root { get; }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Commit(string message)
    {
        Assert.Equal(0, Git("add", "-A").Exit);
        var commit = Git("commit", "-q", "-m", message);
        Assert.True(commit.Exit == 0, commit.Output);
    }

    public (int Exit, string Output) Git(params string[] arguments) => Run("git", arguments);

    public (int Exit, string Output) Deepdsl(params string[] arguments) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), .. arguments]);

    private (int Exit, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // A test repository must not depend on the machine's git identity or global configuration.
        foreach (var (key, value) in new[] { ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.org"), ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.org"), ("GIT_CONFIG_GLOBAL", "/dev/null"), ("GIT_CONFIG_NOSYSTEM", "1") })
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{program} {string.Join(' ', arguments)} did not finish");
        return (process.ExitCode, output + error.Result);
    }
}
