namespace DeepDsl.Packaging.Tests;

/// <summary>
/// A program opens a sweep through the package alone — the language (DeepDsl.Dsl.dll, in lib/ beside the runtime, with
/// YamlDotNet as a package dependency) compiles its trials and the runtime's sweep session writes them — as the board and
/// a library user do, without the deepdsl tool.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class SweepLibraryTests(PackageFeed feed)
{
    private const string Program = """
        using DeepDsl.Dsl;
        using DeepDsl.Dsl.Resolution;
        using DeepDsl.Sweeps;

        var path = Path.GetFullPath("sweep.yaml");
        var compilation = SpecCompiler.Compile(path, new InMemoryFileSystem(new Dictionary<string, string> { [path] = File.ReadAllText(path) }));
        foreach (var diagnostic in compilation.Diagnostics) Console.Error.WriteLine(diagnostic);
        using var session = SweepSession.Open(path, "runs", compilation);
        var board = Leaderboard.Of(session.Folder, session.State);
        Console.WriteLine($"{session.Runnable().Count} of {session.State.Trials.Count} trials to run; leaderboard of {board.Metric}: {board.Trials.Count} rows");
        """;

    [Fact]
    public void A_program_opens_a_sweep_with_the_language_and_the_runtime_of_the_package()
    {
        var project = feed.CopyOfStudyProject("SweepLibrary");
        File.WriteAllText(Path.Combine(project, "sweep.yaml"), Specs.Clusters.Replace("name: clusters", "name: clusters-sweep") + "\nsweep:\n  metric: { name: val_accuracy, goal: maximize }\n  parameters:\n    seed: [1, 2, 3]\n");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));

        var run = PackageFeed.Expect(0, feed.Dotnet(project, "run --no-build"));
        Assert.Contains("3 of 3 trials to run; leaderboard of val_accuracy: 3 rows", run.Output);
        var trials = Path.Combine(project, "runs", "clusters-sweep", "sweep", "trials");
        Assert.Equal(3, Directory.GetFiles(trials, "*.yaml").Length);
        Assert.True(File.Exists(Path.Combine(project, "runs", "clusters-sweep", "sweep", "sweep.json")));
    }
}
