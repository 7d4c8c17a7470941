using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// A run or sweep folder may come from someone else (records are shared to be compared), with a link, a FIFO or a device
/// planted at a name DeepDsl writes or locks. Every such name is refused with one line naming it, before anything is
/// written through it; an output the user names is replaced only when it is a regular file; a sweep never leaves the runs root.
/// </summary>
public sealed class ReceivedFolderTests : IClassFixture<ReceivedFolderTests.Records>, IDisposable
{
    /// <summary>One finished run and one finished sweep, trained once for the class; each test works on its own copy.</summary>
    public sealed class Records : IDisposable
    {
        internal const string Spec = """
            name: tiny
            data: { dataset: synthetic, samples: 100, classes: 2, validation: 20 }
            model:
              input: [4]
              layers:
                - dense: { units: 3, activation: relu }
                - alpha_dropout: { rate: 0.1 }
                - dense: { units: 2, activation: softmax }
            training:
              loss: sparse_categorical_crossentropy
              optimizer: sgd
              epochs: 1
            """;

        internal const string Sweep = """
            extends: tiny.yaml
            name: tiny-sweep
            sweep:
              parameters:
                seed: [1, 2]
            """;

        public string Folder { get; } = Directory.CreateTempSubdirectory("deepdsl-received-").FullName;

        public Records()
        {
            Directory.CreateDirectory(Path.Combine(Folder, ".git"));
            File.WriteAllText(Path.Combine(Folder, "tiny.yaml"), Spec);
            File.WriteAllText(Path.Combine(Folder, "sweep.yaml"), Sweep);
            var run = DeepDslProcess.Run(Folder, "run", "tiny.yaml");
            Assert.True(run.Exit == 0, run.ToString());
            var sweep = DeepDslProcess.Run(Folder, ["sweep", "sweep.yaml"], timeoutSeconds: 300);
            Assert.True(sweep.Exit == 0, sweep.ToString());
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-receiver-").FullName;
    private readonly string victim;

    public ReceivedFolderTests(Records records)
    {
        Run("cp", "-a", records.Folder + "/.", folder);
        victim = Path.Combine(folder, "victim.txt");
        File.WriteAllText(victim, "the receiver's own file\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string RunFolder => Directory.GetDirectories(Path.Combine(folder, "runs", "tiny")).Single();

    private string SweepFolder => Path.Combine(folder, "runs", "tiny-sweep", "sweep");

    /// <summary>Names in a run folder that a resumed run writes or locks.</summary>
    [Theory]
    [InlineData("metrics.csv")]
    [InlineData("summary.json")]
    [InlineData("curves.svg")]
    [InlineData("spec.yaml")]
    [InlineData("run.lock")]
    [InlineData("checkpoints/best.safetensors")]
    [InlineData("checkpoints/last.safetensors")]
    [InlineData("checkpoints")]
    public void A_resumed_run_never_writes_or_locks_through_a_planted_link(string name)
    {
        var planted = Plant(RunFolder, name);
        var result = DeepDslProcess.Run(folder, "run", "tiny.yaml", "--resume", RunFolder, "--epochs", "2");
        AssertRefused(result, planted);
    }

    [Fact]
    public void A_lock_link_to_a_missing_file_creates_nothing()
    {
        var target = Path.Combine(folder, "created-by-the-lock");
        File.Delete(Path.Combine(RunFolder, "run.lock"));
        File.CreateSymbolicLink(Path.Combine(RunFolder, "run.lock"), target);
        var result = DeepDslProcess.Run(folder, "run", "tiny.yaml", "--resume", RunFolder, "--epochs", "2");
        DeepDslProcess.AssertUserError(result, "run.lock is a symbolic link");
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Eval_with_mc_dropout_never_writes_its_record_through_a_planted_link()
    {
        var planted = Plant(RunFolder, "mc_dropout.json");
        AssertRefused(DeepDslProcess.Run(folder, "eval", RunFolder, "--mc-dropout", "2"), planted);
    }

    /// <summary>A checkpoint that leads to a device is refused by its kind before a byte is read (/dev/zero would fill memory).</summary>
    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_checkpoint_that_links_to_a_device_is_refused_before_it_is_read(string device)
    {
        var best = Path.Combine(RunFolder, "checkpoints", "best.safetensors");
        File.Delete(best);
        File.CreateSymbolicLink(best, device);
        var result = DeepDslProcess.Run(folder, ["eval", RunFolder], timeoutSeconds: 60);
        DeepDslProcess.AssertUserError(result, "device, FIFO or socket");
    }

    /// <summary>Names in a sweep folder that `sweep report` or a re-run of the sweep writes or locks.</summary>
    [Theory]
    [InlineData("report/best.yaml", "report")]
    [InlineData("report/leaderboard.md", "report")]
    [InlineData("report/leaderboard.json", "report")]
    [InlineData("report/top.svg", "report")]
    [InlineData("report/seed.svg", "report")]
    [InlineData("report", "report")]
    [InlineData("sweep.json", "sweep")]
    [InlineData("sweep.lock", "sweep")]
    [InlineData("trials", "sweep")]
    public void A_sweep_folder_never_has_its_files_written_through_a_planted_link(string name, string command)
    {
        var planted = Plant(SweepFolder, name);
        var result = command == "report"
            ? DeepDslProcess.Run(folder, "sweep", "report", "tiny-sweep")
            : DeepDslProcess.Run(folder, ["sweep", "sweep.yaml"], timeoutSeconds: 300);
        AssertRefused(result, planted);
    }

    [Fact]
    public void A_trial_spec_link_in_a_received_sweep_is_refused()
    {
        var spec = Directory.GetFiles(Path.Combine(SweepFolder, "trials"), "*.yaml").First();
        var planted = Plant(SweepFolder, Path.Combine("trials", Path.GetFileName(spec)));
        AssertRefused(DeepDslProcess.Run(folder, ["sweep", "sweep.yaml"], timeoutSeconds: 300), planted);
    }

    [Fact]
    public void A_sweep_whose_runs_folder_links_out_of_the_runs_root_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("deepdsl-outside-").FullName;
        try
        {
            Directory.Delete(Path.Combine(folder, "runs", "tiny-sweep"), recursive: true);
            File.CreateSymbolicLink(Path.Combine(folder, "runs", "tiny-sweep"), outside);
            var result = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml"], timeoutSeconds: 300);
            DeepDslProcess.AssertUserError(result, "outside");
            Assert.Empty(Directory.GetFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    /// <summary>Every output a command takes a name for: an existing FIFO, device or folder there is refused, never replaced.</summary>
    [Theory]
    [InlineData("fifo")]
    [InlineData("device")]
    [InlineData("folder")]
    public void An_output_that_is_not_a_regular_file_is_refused_and_left_as_it_was(string kind)
    {
        var output = Path.Combine(folder, "out-" + kind);
        switch (kind)
        {
            case "fifo": Run("mkfifo", output); break;
            case "device": Run("mknod", output, "c", "1", "3"); break; // the null device's numbers, in a test folder
            default: Directory.CreateDirectory(output); break;
        }
        foreach (var arguments in new[]
                 {
                     new[] { "compare", RunFolder, "--out", output },
                     new[] { "schema", "--out", output },
                     new[] { "lr-find", "tiny.yaml", "--plot", output },
                 })
        {
            var result = DeepDslProcess.Run(folder, arguments, timeoutSeconds: 120);
            DeepDslProcess.AssertUserError(result, output);
            Assert.Equal(kind == "folder" ? "folder" : kind == "fifo" ? "fifo" : "device", Kind(output));
        }
    }

    [Fact]
    public void An_output_link_to_a_users_regular_file_is_followed_as_documented()
    {
        var figure = Path.Combine(folder, "figures", "compare.svg");
        Directory.CreateDirectory(Path.GetDirectoryName(figure)!);
        File.WriteAllText(figure, "old");
        File.CreateSymbolicLink(Path.Combine(folder, "compare.svg"), figure);
        var result = DeepDslProcess.Run(folder, "compare", RunFolder, "--out", "compare.svg");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("<svg", File.ReadAllText(figure));
        Assert.NotNull(new FileInfo(Path.Combine(folder, "compare.svg")).LinkTarget);
    }

    /// <summary>Replaces <paramref name="name"/> under <paramref name="parent"/> with a link to the victim (a folder for a folder).</summary>
    private string Plant(string parent, string name)
    {
        var path = Path.Combine(parent, name);
        var isFolder = Directory.Exists(path);
        if (isFolder) Directory.Delete(path, recursive: true);
        else File.Delete(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (isFolder)
        {
            var victimFolder = Path.Combine(folder, "victim-folder");
            Directory.CreateDirectory(victimFolder);
            File.CreateSymbolicLink(path, victimFolder);
        }
        else File.CreateSymbolicLink(path, victim);
        return path;
    }

    private void AssertRefused(DeepDslProcess.Result result, string planted)
    {
        DeepDslProcess.AssertUserError(result, planted);
        Assert.Contains("symbolic link", result.Error);
        Assert.Equal("the receiver's own file\n", File.ReadAllText(victim));
        var victimFolder = Path.Combine(folder, "victim-folder");
        Assert.True(!Directory.Exists(victimFolder) || Directory.GetFileSystemEntries(victimFolder).Length == 0, "something was written through a folder link");
        Assert.NotNull(new FileInfo(planted).LinkTarget);
    }

    private static string Kind(string path)
    {
        var (exit, output) = Processes.Run("/", "stat", ["-c", "%F", path]);
        Assert.Equal(0, exit);
        return output.Trim() switch
        {
            "fifo" => "fifo",
            "character special file" => "device",
            "directory" => "folder",
            var other => other,
        };
    }

    private static void Run(string program, params string[] arguments)
    {
        var (exit, output) = Processes.Run("/", program, arguments);
        Assert.True(exit == 0, $"{program} {string.Join(' ', arguments)}: {output}");
    }
}
