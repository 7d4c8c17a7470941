namespace DeepDsl.Cli.Tests.VersionControl;

/// <summary>
/// `deepdsl git install` writes `.gitattributes` lines that git reads back as meant (`git check-attr`), for
/// folders whose names hold a space, `#`, `!`, wildcards, a quote, a backslash, a tab or a newline: each
/// spec folder gets the driver, a folder whose name a wildcard would match does not, and git warns of nothing.
/// </summary>
public sealed class GitAttributesTests : IDisposable
{
    private static readonly string[] Folders = ["a b", "#hash", "c#d", "!bang", "f*g", "h[i]", "q?", "j\"k", "back\\slash", "tab\there", "new\nline", " lead", "trail "];

    private readonly GitRepository repo = new();

    public GitAttributesTests() => Assert.Equal(0, repo.Git("init", "-q").Exit);

    // rm: .NET cannot name a folder whose name is not UTF-8.
    public void Dispose() => Processes.Run("/", "rm", ["-rf", repo.Root]);

    [Fact]
    public void Every_spec_folder_gets_the_driver_whatever_its_name_and_only_it()
    {
        foreach (var folder in Folders) repo.Write($"{folder}/spec.yaml", "model: {}\n");
        // Names that the folders' names would match if written as wildcards: not specs, not given the driver.
        foreach (var lookalike in new[] { "fxg", "hi", "qz" }) repo.Write($"{lookalike}/notes.yaml", "model: {}\n".Replace("model", "owner"));
        var install = repo.Deepdsl("git", "install");
        Assert.True(install.Exit == 0, install.Output);

        foreach (var folder in Folders) Assert.Equal("deepdsl", DiffAttribute($"{folder}/spec.yaml"));
        foreach (var lookalike in new[] { "fxg", "hi", "qz" }) Assert.Equal("unspecified", DiffAttribute($"{lookalike}/notes.yaml"));
        Assert.Equal(Folders.Length, File.ReadAllLines(Path.Combine(repo.Root, ".gitattributes")).Length); // one line per folder, a newline inside one included

        var again = repo.Deepdsl("git", "install");
        Assert.True(again.Exit == 0, again.Output);
        Assert.DoesNotContain(".gitattributes", again.Output); // nothing added twice
    }

    [Fact]
    public void A_pattern_given_with_a_space_is_quoted_and_matches()
    {
        repo.Write("my experiments/x/spec.yaml", "model: {}\n");
        var install = repo.Deepdsl("git", "install", "--pattern", "my experiments/**/*.yaml");
        Assert.True(install.Exit == 0, install.Output);
        Assert.Equal(["\"my experiments/**/*.yaml\" diff=deepdsl"], File.ReadAllLines(Path.Combine(repo.Root, ".gitattributes")));
        Assert.Equal("deepdsl", DiffAttribute("my experiments/x/spec.yaml"));
    }

    [Fact]
    public void A_folder_name_that_is_not_utf8_is_skipped_with_a_message_and_the_others_are_written()
    {
        var made = Processes.Run(repo.Root, "sh", ["-c", "mkdir \"$(printf 'bad\\377')\" && printf 'model: {}\\n' > \"$(printf 'bad\\377')/spec.yaml\""]);
        Assert.True(made.Exit == 0, made.Output);
        repo.Write("good/spec.yaml", "model: {}\n");
        var install = repo.Deepdsl("git", "install");
        Assert.True(install.Exit == 0, install.Output);
        Assert.Contains("skipped a folder", install.Output);
        Assert.Contains("not valid UTF-8", install.Output);
        Assert.Equal(["good/**/*.yaml diff=deepdsl"], File.ReadAllLines(Path.Combine(repo.Root, ".gitattributes")));
    }

    /// <summary>The `diff` attribute git gives a path, read with NUL separators (names as they are); git must warn of nothing.</summary>
    private string DiffAttribute(string path)
    {
        var (exit, output) = Processes.Run(repo.Root, "git", ["check-attr", "-z", "diff", "--", path], new Dictionary<string, string> { ["GIT_CONFIG_GLOBAL"] = "/dev/null" });
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("warning", output);
        var fields = output.Split('\0');
        Assert.Equal(path, fields[0]);
        return fields[2];
    }
}
