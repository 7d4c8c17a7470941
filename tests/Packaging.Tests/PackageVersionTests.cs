namespace DeepDsl.Packaging.Tests;

/// <summary>
/// Every local pack gets its own version from git (Directory.Build.targets, scripts/package-version.sh), so a
/// project restoring a re-packed package gets the new content, never a copy NuGet's cache kept of an older pack
/// under the same version. A repository of one small package, versioned by the checkout's own files, is packed
/// at two commits and with uncommitted changes, into the feed a project outside it restores from.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageVersionTests(PackageFeed feed)
{
    private const string Id = "DeepDsl.VersionProbe";

    [Fact]
    public void The_packages_of_the_checkout_carry_a_version_from_git()
    {
        var package = Path.GetFileName(Assert.Single(Directory.GetFiles(feed.Feed, "DeepDsl.0.*.nupkg")));
        Assert.Matches(@"^DeepDsl\.0\.1\.0-dev\.\d+\.g[0-9a-f]{7}(\.dirty-[0-9a-f]{7})?\.nupkg$", package);
    }

    [Fact]
    public void A_project_restoring_a_re_packed_package_gets_the_new_content()
    {
        var repo = VersionedRepository();
        var consumer = Consumer();

        var first = Pack(repo);
        Assert.Contains("\nprobe one\n", Run(consumer));
        Commit(repo, "two");
        var second = Pack(repo);
        Assert.NotEqual(first, second);
        Assert.Contains("\nprobe two\n", Run(consumer));
        WriteText(repo, "three"); // not committed: the pack's version says so
        var third = Pack(repo);
        Assert.StartsWith(second.Replace(".nupkg", ".dirty-"), third);
        Assert.Contains("\nprobe three\n", Run(consumer));
    }

    [Fact]
    public void A_release_names_its_version_and_a_copy_without_git_falls_back()
    {
        var repo = VersionedRepository();
        PackageFeed.Expect(0, feed.Dotnet(repo, "pack Probe/Probe.csproj -c Release -p:Version=9.9.9 -o out-release"));
        Assert.True(File.Exists(Path.Combine(repo, "out-release", $"{Id}.9.9.9.nupkg")));
        Directory.Delete(Path.Combine(repo, ".git"), recursive: true);
        PackageFeed.Expect(0, feed.Dotnet(repo, "pack Probe/Probe.csproj -c Release -o out-nogit"));
        Assert.True(File.Exists(Path.Combine(repo, "out-nogit", $"{Id}.0.1.0-dev.nupkg")));
    }

    /// <summary>A git repository with the checkout's versioning files and one package whose content is a text.</summary>
    private string VersionedRepository()
    {
        var repo = Directory.CreateDirectory(Path.Combine(feed.Root, "version-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "README.md", "scripts/package-version.sh" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo, file))!);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(repo, file));
        }
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "bin/\nobj/\nout*/\n");
        Directory.CreateDirectory(Path.Combine(repo, "Probe"));
        File.WriteAllText(Path.Combine(repo, "Probe", "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>true</IsPackable>
                <PackageId>{Id}</PackageId>
              </PropertyGroup>
            </Project>
            """);
        Git(repo, "init -q");
        Commit(repo, "one");
        return repo;
    }

    private string Consumer()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(feed.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <!-- The newest pack, prereleases included, as the README suggests for a local feed. -->
                <PackageReference Include="{Id}" Version="*-*" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), "System.Console.WriteLine(Probe.Content.Text);\n");
        return consumer;
    }

    /// <summary>Packs into the feed; returns the package's file name (its version).</summary>
    private string Pack(string repo)
    {
        var output = Path.Combine(repo, "out-" + Guid.NewGuid().ToString("N"));
        PackageFeed.Expect(0, feed.Dotnet(repo, $"pack Probe/Probe.csproj -c Release -o \"{output}\""));
        var package = Assert.Single(Directory.GetFiles(output, "*.nupkg"));
        File.Copy(package, Path.Combine(feed.Feed, Path.GetFileName(package)));
        return Path.GetFileName(package);
    }

    /// <summary>Restores as a floating version needs to move on (a no-op restore keeps what it chose), builds and runs.</summary>
    private string Run(string consumer)
    {
        PackageFeed.Expect(0, feed.Dotnet(consumer, "restore --force-evaluate"));
        return PackageFeed.Expect(0, feed.Dotnet(consumer, "run --no-restore")).Output;
    }

    private void Commit(string repo, string text)
    {
        WriteText(repo, text);
        Git(repo, "add -A");
        Git(repo, $"commit -q -m {text}");
    }

    private static void WriteText(string repo, string text) =>
        File.WriteAllText(Path.Combine(repo, "Probe", "Content.cs"), $"namespace Probe;\n\npublic static class Content\n{{\n    public const string Text = \"probe {text}\";\n}}\n");

    private void Git(string repo, string arguments) =>
        PackageFeed.Expect(0, ChildProcess.Run(repo, "git", arguments, new Dictionary<string, string>(feed.Environment)
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.org", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.org",
        }));
}
