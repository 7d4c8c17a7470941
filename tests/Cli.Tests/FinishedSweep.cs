using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// One real tiny sweep with ASHA, trained once for every test in the "finished sweep" collection: its sweep.json, asha.json,
/// trial specs and trial runs are the records the tests copy and damage. <see cref="NewCase"/> gives each case its own copy
/// of the sweep (runs/records/sweep) and of one finished trial as a plain run (runs/records/&lt;id&gt;).
/// </summary>
public sealed class FinishedSweep : IDisposable
{
    public const string Spec = """
        name: records
        seed: 1
        data: { dataset: synthetic, samples: 120, classes: 3, validation: 30 }
        model:
          input: [4]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.01 } }
          epochs: 2
        sweep:
          parameters:
            seed: [1, 2]
          early_terminate: { type: asha, min_epochs: 1, reduction_factor: 2 }
        """;

    public FinishedSweep()
    {
        Folder = Directory.CreateTempSubdirectory("deepdsl-records-").FullName;
        File.WriteAllText(Path.Combine(Folder, "sweep.yaml"), Spec);
        var result = DeepDslProcess.Run(Folder, ["sweep", "sweep.yaml", "--runs", "runs"], timeoutSeconds: 300);
        Assert.True(result.Exit == 0, result.ToString());
        var trials = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "runs", "records", "sweep", "sweep.json")))!["trials"]!.AsArray();
        Hashes = trials.Select(t => (string)t!["hash"]!).ToList();
        // The trial that ran every epoch: its run is the plain run each case damages.
        Completed = (string)trials.First(t => (string)t!["status"]! == "completed")!["hash"]!;
    }

    public string Folder { get; }

    public IReadOnlyList<string> Hashes { get; }

    public string Completed { get; }

    /// <summary>A fresh copy of the project for one case: sweep.yaml, the sweep folder, and the completed trial as a plain run.</summary>
    public RecordsCase NewCase(string name)
    {
        var root = Path.Combine(Folder, "cases", name);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "sweep.yaml"), Spec);
        var sweep = Path.Combine(root, "runs", "records", "sweep");
        CopyFolder(Path.Combine(Folder, "runs", "records", "sweep"), sweep);
        var run = Path.Combine(root, "runs", "records", "20260101-000000-" + Completed);
        CopyFolder(Path.Combine(sweep, "trials", Completed), run);
        return new RecordsCase(root, run, sweep, Completed, Hashes);
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
