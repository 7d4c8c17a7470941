namespace DeepDsl.Packaging.Tests;

/// <summary>
/// The repository's three packages, packed once into a local feed, and a folder
/// outside the repository whose nuget.config names that feed beside the usual source. NuGet's package
/// cache, the tool folder and the template engine's settings live in that folder too, so a package
/// packed again under the same version is never shadowed by an older copy, and nothing leaks into the
/// machine's own caches.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly Lazy<string> studyProject;
    private readonly Lazy<string> tool;
    private readonly Lazy<string> templateHive;
    private readonly Lazy<bool> templateInstalled;
    private readonly Lazy<string> builtTemplateProject;

    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("deepdsl-packaging-").FullName;
        Feed = Path.Combine(Root, "feed");
        var quiet = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // No build servers left behind: they would hold this test's output pipes open.
            ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0", ["UseSharedCompilation"] = "false",
        };
        Environment = new Dictionary<string, string>(quiet) { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };
        // The README packs with `dotnet pack DeepDsl.sln`. Here the solution is already built, so the
        // library and the template pack from that build; the tool builds, because its linux-x64
        // ReadyToRun build is made only when it is packed. Packing restores from the machine's NuGet
        // cache; only the projects outside the repository use this feed's private one.
        foreach (var (project, build) in new[] { ("src/Runtime/DeepDsl.Runtime.csproj", "--no-build"), ("src/Templates/DeepDsl.Templates.csproj", "--no-build"), ("src/Cli/DeepDsl.Cli.csproj", "") })
            Expect(0, ChildProcess.Run(Repository.Root, "dotnet", $"pack {project} -c {Repository.Configuration} {build} -o \"{Feed}\"", quiet));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="deepdsl-local" value="{Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="deepdsl-local"><package pattern="DeepDsl" /><package pattern="DeepDsl.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        templateHive = new(() => Path.Combine(Root, "template-hive"));
        templateInstalled = new(InstallTemplate);
        builtTemplateProject = new(() =>
        {
            var project = NewTemplateProject("MyStudy");
            Expect(0, Dotnet(project, "build"));
            return project;
        });
        studyProject = new(CreateStudyProject);
        tool = new(InstallTool);
    }

    /// <summary>The folder outside the repository that holds the feed, its nuget.config and the projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The deepdsl command, installed from the feed with dotnet tool install --tool-path.</summary>
    public string Tool => tool.Value;

    public ChildProcess Dotnet(string workingDirectory, string arguments) =>
        ChildProcess.Run(workingDirectory, "dotnet", arguments, Environment);

    /// <summary>dotnet new with this feed's own template settings (so the machine's stay untouched).</summary>
    public ChildProcess DotnetNew(string workingDirectory, string arguments) =>
        Dotnet(workingDirectory, $"new {arguments} --debug:custom-hive \"{templateHive.Value}\"");

    /// <summary>
    /// A fresh copy of a console project made by `dotnet new console` and `dotnet add package DeepDsl`,
    /// with the clusters spec in experiments/ and a Program.cs that uses its generated classes.
    /// </summary>
    public string CopyOfStudyProject(string name)
    {
        var copy = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(studyProject.Value, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(studyProject.Value, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
        return copy;
    }

    /// <summary>A new project made by `dotnet new deepdsl -o NAME` (the template installed from the feed once), not built.</summary>
    public string NewTemplateProject(string name)
    {
        _ = templateInstalled.Value;
        Expect(0, DotnetNew(Root, $"deepdsl -o {name}"));
        return Path.Combine(Root, name);
    }

    /// <summary>The project `dotnet new deepdsl -o MyStudy` makes, built once: for the tests that only read it or run it without data.</summary>
    public string BuiltTemplateProject => builtTemplateProject.Value;

    public static ChildProcess Expect(int exit, ChildProcess result)
    {
        Assert.True(result.Exit == exit, $"exit {result.Exit}, expected {exit}:\n{result.Output}");
        return result;
    }

    private string CreateStudyProject()
    {
        Expect(0, DotnetNew(Root, "console -o Study"));
        var project = Path.Combine(Root, "Study");
        Expect(0, Dotnet(project, "add package DeepDsl --prerelease"));
        Directory.CreateDirectory(Path.Combine(project, "experiments"));
        File.WriteAllText(Path.Combine(project, "experiments", "clusters.yaml"), Specs.Clusters);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Specs.Program);
        return project;
    }

    /// <summary>
    /// The one package of the checkout with this id: `ID.VERSION.nupkg` with VERSION starting with a digit, so
    /// DeepDsl is not DeepDsl.Cli, and tests that add packages of their own to the feed (a version probe) do not count.
    /// </summary>
    public string PackageFile(string id) =>
        Assert.Single(Directory.GetFiles(Feed, $"{id}.*.nupkg"), f => char.IsDigit(Path.GetFileName(f)[(id.Length + 1)..][0]));

    private bool InstallTemplate()
    {
        var template = PackageFile("DeepDsl.Templates");
        Expect(0, DotnetNew(Root, $"install \"{template}\""));
        return true;
    }

    private string InstallTool()
    {
        var folder = Path.Combine(Root, "tools");
        Expect(0, Dotnet(Root, $"tool install DeepDsl.Cli --prerelease --tool-path \"{folder}\""));
        return Path.Combine(folder, "deepdsl");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a leftover temp folder is not a test failure
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packed feed";
}
