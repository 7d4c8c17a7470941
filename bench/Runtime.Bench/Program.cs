using DeepDsl.Bench;
using DeepDsl.Torch;

// Benchmarks of the engine; results are recorded in docs/performance.md.
//   dotnet run -c Release --project bench/Runtime.Bench -- epoch [batch sizes…]
//   dotnet run -c Release --project bench/Runtime.Bench -- trainer [batch sizes…]
var mode = args.Length > 0 ? args[0] : "epoch";
switch (mode)
{
    case "epoch":
        var batches = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [32, 128];
        Console.WriteLine($"threads={torch.get_num_threads()}");
        foreach (var batch in batches)
            Console.WriteLine($"deepdsl batch={batch} epoch_seconds={EpochBenchmark.Run(batch):F2}");
        return 0;
    case "trainer":
        foreach (var batch in args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [32])
        {
            var (bare, full) = TrainerOverheadBenchmark.Run(batch);
            Console.WriteLine($"trainer batch={batch} bare_epoch_seconds={bare:F2} trainer_epoch_seconds={full:F2} overhead={(full - bare) / full:P1}");
        }
        return 0;
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}': expected epoch or trainer");
        return 2;
}
