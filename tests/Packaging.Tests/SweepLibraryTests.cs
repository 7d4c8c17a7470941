namespace DeepDsl.Packaging.Tests;

/// <summary>
/// A program opens a sweep through the package alone — the language (DeepDsl.Dsl.dll, in lib/ beside the runtime, with
/// YamlDotNet as a package dependency) compiles its trials and the runtime's sweep session writes them — as the board and
/// a library user do, without the deepdsl tool — and runs its trials with the tool it names: in a library the program
/// running is the user's, so the session never falls back to it (SweepSession.Open takes the deepdsl to run).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class SweepLibraryTests(PackageFeed feed)
{
    private const string Program = """
        using DeepDsl.Dsl;
        using DeepDsl.Dsl.Resolution;
        using DeepDsl.Processes;
        using DeepDsl.Sweeps;

        var path = Path.GetFullPath("sweep.yaml");
        var compilation = SpecCompiler.Compile(path, new InMemoryFileSystem(new Dictionary<string, string> { [path] = File.ReadAllText(path) }));
        foreach (var diagnostic in compilation.Diagnostics) Console.Error.WriteLine(diagnostic);
        using var session = SweepSession.Open(compilation, "runs", new SelfCommand(args.Length > 0 ? [args[0]] : ["deepdsl-not-given"]));
        Console.WriteLine($"{session.Runnable().Count} of {session.State.Trials.Count} trials to run");
        if (args.Length > 0)
        {
            var outcome = new LocalExecutor(new LocalExecutorOptions()).Run(session, Console.Out, CancellationToken.None);
            Console.WriteLine($"Outcome {outcome}: {string.Join(", ", session.State.Trials.Select(t => $"{t.Status} after {t.Attempts} attempt(s)"))}");
        }
        var board = Leaderboard.Of(session.Folder, session.State);
        Console.WriteLine($"leaderboard of {board.Metric}: {board.Trials.Count} rows");
        """;

    // The study project with the program above and a sweep of the clusters spec over these seeds, built.
    private string Built(string name, string seeds)
    {
        var project = feed.CopyOfStudyProject(name);
        File.WriteAllText(Path.Combine(project, "sweep.yaml"), Specs.Clusters.Replace("name: clusters", "name: clusters-sweep") +
            $"\nsweep:\n  metric: {{ name: val_accuracy, goal: maximize }}\n  parameters:\n    seed: [{seeds}]\n");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));
        return project;
    }

    [Fact]
    public void A_program_opens_a_sweep_with_the_language_and_the_runtime_of_the_package()
    {
        var project = Built("SweepLibrary", "1, 2, 3");
        var run = PackageFeed.Expect(0, feed.Dotnet(project, "run --no-build"));
        Assert.Contains("3 of 3 trials to run", run.Output);
        Assert.Contains("leaderboard of val_accuracy: 3 rows", run.Output);
        var trials = Path.Combine(project, "runs", "clusters-sweep", "sweep", "trials");
        Assert.Equal(3, Directory.GetFiles(trials, "*.yaml").Length);
        Assert.True(File.Exists(Path.Combine(project, "runs", "clusters-sweep", "sweep", "sweep.json")));
    }

    [Fact]
    public void A_program_runs_a_sweep_trial_with_the_installed_tool_not_with_itself()
    {
        var project = Built("SweepTrialLibrary", "1");
        var run = PackageFeed.Expect(0, feed.Dotnet(project, $"run --no-build -- \"{feed.Tool}\""));
        Assert.Contains("Outcome Ended: completed after 1 attempt(s)", run.Output);
        Assert.Contains("leaderboard of val_accuracy: 1 rows", run.Output);
        var trial = Assert.Single(Directory.GetDirectories(Path.Combine(project, "runs", "clusters-sweep", "sweep", "trials")));
        Assert.True(File.Exists(Path.Combine(trial, "summary.json")), run.Output);
    }
}
