namespace DeepDsl.Cli.Tests.VersionControl;

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

    // A test repository must not depend on the machine's git identity or global configuration.
    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.org", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.org",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    public (int Exit, string Output) Git(params string[] arguments) => Processes.Run(Root, "git", arguments, Isolated);

    public (int Exit, string Output) Deepdsl(params string[] arguments) => Processes.Deepdsl(Root, arguments, Isolated);
}
