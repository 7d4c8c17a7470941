using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// One real small sweep made once by `deepdsl sweep` for the board's sweep tests — the learning rate (0.01, 1e-6: six
/// decades) times two seeds, with ASHA from the first epoch, one trial at a time, so the trials at 1e-6 are stopped at
/// rung 0 —, a sweep of three optimizers (values that are no numbers), and beside them what probes the board's sweep door: a copy whose folder name holds markup, a damaged sweep.json,
/// a sweep folder linked in from outside the runs folder, a sweep.json that is such a link, and a copy whose first trial's
/// folder and second trial's summary are links out. One board serves them all; the browser is started when first asked for.
/// </summary>
public sealed class BoardSweepRuns : IDisposable
{
    public const string Name = "clusters-asha";
    public const string Optimizers = "clusters-optimizers";
    public const string Hostile = "\"><img src=x onerror=alert(1)><script>alert(2)<script>";
    public const string Secret = "secret-beside-the-runs-folder";
    public const string LearningRate = "training.optimizer.nadam.learning_rate";

    private BoardBrowser? browser;

    public BoardSweepRuns()
    {
        Folder = Directory.CreateTempSubdirectory("deepdsl-board-sweep-").FullName;
        Runs = Path.Combine(Folder, "runs");
        File.WriteAllText(Path.Combine(Folder, "base.yaml"), SweepCliTests.Base);
        File.WriteAllText(Path.Combine(Folder, "sweep.yaml"), SweepCliTests.LrSeeds.Replace("name: clusters-lr", $"name: {Name}") +
            "\n  early_terminate: { type: asha, min_epochs: 1, reduction_factor: 2 }\n");
        var result = DeepDslProcess.Run(Folder, ["sweep", "sweep.yaml", "--parallel", "1", "--runs", "runs"], timeoutSeconds: 300);
        Assert.True(result.Exit == 0, result.ToString());
        Sweep = SweepFolder.For(Runs, Name);
        State = SweepState.Read(Sweep)!;
        Leaderboard = Leaderboard.Of(Sweep, State);
        Hashes = [.. State.Trials.OrderBy(t => t.Index).Select(t => t.Hash)];

        // A second sweep, over values that are no numbers: its chart lays them out as categories.
        File.WriteAllText(Path.Combine(Folder, "optimizers.yaml"), $$"""
            extends: base.yaml
            name: {{Optimizers}}
            sweep:
              parameters:
                training.optimizer: [nadam, adam, { sgd: { momentum: 0.9 } }]
            """);
        var optimizers = DeepDslProcess.Run(Folder, ["sweep", "optimizers.yaml", "--runs", "runs"], timeoutSeconds: 300);
        Assert.True(optimizers.Exit == 0, optimizers.ToString());

        File.WriteAllText(Path.Combine(Folder, "secret.txt"), Secret);
        FinishedSweep.CopyFolder(Sweep.Path, Path.Combine(Runs, Hostile, "sweep"));
        Directory.CreateDirectory(Path.Combine(Runs, "damaged", "sweep"));
        File.WriteAllText(Path.Combine(Runs, "damaged", "sweep", "sweep.json"), """{ "name": 3 }""");
        // Outside the runs folder: a copy whose first trial's spec is the secret, linked in as a sweep folder.
        var elsewhere = Path.Combine(Folder, "elsewhere", "linked");
        FinishedSweep.CopyFolder(Sweep.Path, Path.Combine(elsewhere, "sweep"));
        File.WriteAllText(Path.Combine(elsewhere, "sweep", "trials", Hashes[0], "spec.yaml"), Secret);
        File.CreateSymbolicLink(Path.Combine(Runs, "linked"), elsewhere);
        Directory.CreateDirectory(Path.Combine(Runs, "planted", "sweep"));
        File.CreateSymbolicLink(Path.Combine(Runs, "planted", "sweep", "sweep.json"), Path.Combine(elsewhere, "sweep", "sweep.json"));
        var leaky = Path.Combine(Runs, "leaky", "sweep");
        FinishedSweep.CopyFolder(Sweep.Path, leaky);
        Directory.Delete(Path.Combine(leaky, "trials", Hashes[0]), recursive: true);
        File.CreateSymbolicLink(Path.Combine(leaky, "trials", Hashes[0]), Path.Combine(elsewhere, "sweep", "trials", Hashes[0]));
        File.Delete(Path.Combine(leaky, "trials", Hashes[1], "summary.json"));
        File.CreateSymbolicLink(Path.Combine(leaky, "trials", Hashes[1], "summary.json"), Path.Combine(elsewhere, "sweep", "trials", Hashes[1], "summary.json"));
        Board = new BoardProcess(Runs);
    }

    public string Folder { get; }

    public string Runs { get; }

    public SweepFolder Sweep { get; }

    public SweepState State { get; }

    /// <summary>What `deepdsl sweep report` ranks, read by the sweep library: what the board must show.</summary>
    public Leaderboard Leaderboard { get; }

    /// <summary>The trials' hashes by index.</summary>
    public IReadOnlyList<string> Hashes { get; }

    public BoardProcess Board { get; }

    public BoardBrowser Browser => browser ??= new BoardBrowser();

    public void Dispose()
    {
        browser?.Dispose();
        Board.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
