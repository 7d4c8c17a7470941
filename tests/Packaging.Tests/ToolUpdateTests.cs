namespace DeepDsl.Packaging.Tests;

/// <summary>
/// git set up by the installed tool outlives a tool update and an uninstall: the driver and the hook run
/// `deepdsl` as PATH finds it (the tool's shim), never the versioned folder the update removes; without
/// deepdsl, git falls back to the plain text diff and the hook says how to install it again or skip.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolUpdateTests(PackageFeed feed)
{
    private const string First = "0.0.1-update.1";
    private const string Second = "0.0.1-update.2";

    [Fact]
    public void Git_keeps_working_after_the_tool_is_updated_and_falls_back_when_it_is_uninstalled()
    {
        var root = Directory.CreateDirectory(Path.Combine(feed.Root, "tool-update")).FullName;
        var (tools, environment) = PackTwoVersions(root);
        // Started by its path: a child's PATH is not where Process.Start looks; deepdsl itself then finds `deepdsl` on that PATH.
        var deepdsl = Path.Combine(tools, "deepdsl");
        PackageFeed.Expect(0, Run(root, "dotnet", $"tool install DeepDsl.Cli --version {First} --tool-path \"{tools}\"", environment));

        var repo = Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
        PackageFeed.Expect(0, Run(repo, "git", "init -q", environment));
        Directory.CreateDirectory(Path.Combine(repo, "experiments"));
        var spec = Path.Combine(repo, "experiments", "clusters.yaml");
        File.WriteAllText(spec, Specs.Clusters);
        PackageFeed.Expect(0, Run(repo, deepdsl, "fmt experiments/clusters.yaml", environment));
        PackageFeed.Expect(0, Run(repo, deepdsl, "git install", environment));
        PackageFeed.Expect(0, Run(repo, deepdsl, "git hook --install", environment));
        PackageFeed.Expect(0, Run(repo, "git", "add -A", environment));
        PackageFeed.Expect(0, Run(repo, "git", "commit -q -m one", environment));
        Assert.DoesNotContain(".store", File.ReadAllText(Path.Combine(repo, ".git", "config")) + File.ReadAllText(Path.Combine(repo, ".git", "hooks", "pre-commit")));

        PackageFeed.Expect(0, Run(root, "dotnet", $"tool update DeepDsl.Cli --version {Second} --tool-path \"{tools}\"", environment));
        Assert.Contains(Second, PackageFeed.Expect(0, Run(root, "dotnet", $"tool list --tool-path \"{tools}\"", environment)).Output);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("epochs: 1", "epochs: 2"));
        var semantic = PackageFeed.Expect(0, Run(repo, "git", "diff", environment));
        Assert.Contains("~ training.epochs: 1 → 2", semantic.Output);
        PackageFeed.Expect(0, Run(repo, "git", "commit -q -a -m two", environment)); // the hook ran the updated deepdsl

        PackageFeed.Expect(0, Run(root, "dotnet", $"tool uninstall DeepDsl.Cli --tool-path \"{tools}\"", environment));
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("epochs: 2", "epochs: 3"));
        var plain = PackageFeed.Expect(0, Run(repo, "git", "diff", environment));
        Assert.Matches(@"\n-\s*epochs: 2\n\+\s*epochs: 3\n", plain.Output);
        var blocked = Run(repo, "git", "commit -q -a -m three", environment);
        Assert.NotEqual(0, blocked.Exit);
        Assert.Contains("dotnet tool install -g DeepDsl.Cli", blocked.Output);
        Assert.Contains("git commit --no-verify", blocked.Output);
    }

    /// <summary>
    /// DeepDsl.Cli packed under two versions into a feed of this test's own (packed from the build the feed's
    /// pack made, so the checkout's outputs keep their version), a nuget.config naming only it, and an
    /// environment whose PATH starts with the tool folder, as `dotnet tool install -g` users have it.
    /// </summary>
    private (string Tools, Dictionary<string, string> Environment) PackTwoVersions(string root)
    {
        var versions = Path.Combine(root, "feed");
        foreach (var version in new[] { First, Second })
            PackageFeed.Expect(0, Run(Repository.Root, "dotnet",
                $"pack src/Cli/DeepDsl.Cli.csproj -c {Repository.Configuration} --no-build -p:PackageVersion={version} -o \"{versions}\"", feed.Environment));
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="versions" value="{versions}" />
              </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="versions"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var tools = Path.Combine(root, "tools");
        var environment = new Dictionary<string, string>(feed.Environment)
        {
            ["PATH"] = tools + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.org", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.org",
        };
        return (tools, environment);
    }

    private static ChildProcess Run(string folder, string program, string arguments, IReadOnlyDictionary<string, string> environment) =>
        ChildProcess.Run(folder, program, arguments, environment);
}
