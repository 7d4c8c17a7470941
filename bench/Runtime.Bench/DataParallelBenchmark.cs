using System.Diagnostics;
using System.Globalization;
using DeepDsl.Data;
using DeepDsl.Distributed;
using DeepDsl.Experiments;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Bench;

/// <summary>
/// One epoch of the exercise network through the full trainer on 1 and on N ranks (processes of this program, one
/// libtorch thread each, meeting through a file store), with the same global batch: the ranks split each batch, so
/// the time left over is the all-reduce of the 0.5 M-parameter gradient plus what the ranks wait on each other.
/// </summary>
internal static class DataParallelBenchmark
{
    public static IEnumerable<(int Ranks, double Seconds)> Run(int batchSize, IReadOnlyList<int> worlds)
    {
        foreach (var ranks in worlds)
        {
            var store = Directory.CreateTempSubdirectory("deepdsl-bench-");
            try
            {
                var children = Enumerable.Range(0, ranks).Select(rank => Process.Start(RankStart(rank, ranks, batchSize, Path.Combine(store.FullName, "store")))!).ToArray();
                var seconds = children[0].StandardOutput.ReadToEnd();
                foreach (var child in children) child.WaitForExit();
                if (children.Any(c => c.ExitCode != 0)) throw new InvalidOperationException($"a rank failed with {ranks} ranks");
                yield return (ranks, double.Parse(seconds, CultureInfo.InvariantCulture));
            }
            finally
            {
                store.Delete(recursive: true);
            }
        }
    }

    /// <summary>One rank: trains 50 warm-up steps, then times one epoch; rank 0 prints the seconds.</summary>
    public static int Rank(int batchSize, int examples = 50_000)
    {
        torch.set_num_threads(1);
        var rendezvous = RendezvousEnvironment.Read();
        using var group = rendezvous is null ? null : ProcessGroup.Join(rendezvous, Device.CPU);
        torch.manual_seed(42);
        using var model = ExerciseNetwork.Create();
        using var optimizer = new Nadam(model.parameters(), learningRate: 5e-5);
        using var data = new DatasetSplits(torch.randn([examples, 3072]).DetachFromDisposeScope(), torch.randint(0, 10, [examples]).DetachFromDisposeScope(),
            null, null, torch.zeros([1, 3072]).DetachFromDisposeScope(), torch.zeros([1], ScalarType.Int64).DetachFromDisposeScope(), 10, [3072]);
        var parallel = group is null ? null : new DataParallel(group);
        parallel?.BroadcastFromRankZero(model, optimizer.Parameters.Values);
        var trainer = new Trainer(model, optimizer, schedule: null, LossKind.SparseCategoricalCrossentropy, seed: 42, []) { Parallel = parallel };
        trainer.Fit(data, new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: 50), batchSize, shuffle: true);
        group?.barrier();
        var clock = Stopwatch.StartNew();
        trainer.Fit(data, new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: (examples + batchSize - 1) / batchSize), batchSize, shuffle: true);
        if (parallel is null || parallel.Rank == 0) Console.Write(clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        return 0;
    }

    private static ProcessStartInfo RankStart(int rank, int ranks, int batchSize, string storeFile)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        start.ArgumentList.Add("ddp-rank");
        start.ArgumentList.Add(batchSize.ToString(CultureInfo.InvariantCulture));
        // One thread per rank, BLAS included: OpenBLAS would otherwise start a spinning thread per core in every rank.
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        if (ranks > 1)
        {
            start.Environment["RANK"] = rank.ToString(CultureInfo.InvariantCulture);
            start.Environment["WORLD_SIZE"] = ranks.ToString(CultureInfo.InvariantCulture);
            start.Environment[RendezvousEnvironment.StoreFileVariable] = storeFile;
        }
        return start;
    }
}
