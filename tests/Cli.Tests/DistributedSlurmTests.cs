using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests;

/// <summary>One experiment trained by `srun -n 2` on the local Slurm cluster: two ranks find each other from Slurm's environment and make one run.</summary>
[Collection("slurm")]
public sealed class DistributedSlurmTests(SlurmCluster cluster) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-ddp-slurm-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Srun_with_two_tasks_trains_one_run_with_world_size_2()
    {
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), DistributedCliTests.Spec);
        var srun = cluster.Run($"DEEPDSL_DIST_TIMEOUT=30 srun -n 2 --time=5 dotnet '{Path.Combine(AppContext.BaseDirectory, "deepdsl.dll")}' run spec.yaml --runs slurm",
            folder, timeoutSeconds: 300);
        Assert.True(srun.Exit == 0, $"{srun}\n{cluster.LogTails()}");
        var run = Directory.GetDirectories(Path.Combine(folder, "slurm", "ddp")).Single();
        Assert.Equal(2, (int)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["world_size"]!);
    }
}
