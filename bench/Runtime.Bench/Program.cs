using DeepDsl.Bench;
using DeepDsl.Torch;

// Benchmarks of the engine; results are recorded in docs/performance.md.
//   dotnet run -c Release --project bench/Runtime.Bench -- epoch [batch sizes…]        (DEEPDSL_BENCH_DEVICE=cuda: on the GPU)
//   dotnet run -c Release --project bench/Runtime.Bench -- trainer [batch sizes…]
//   dotnet run -c Release --project bench/Runtime.Bench -- ddp [batch] [rank counts…]
//   dotnet run -c Release --project bench/Runtime.Bench -- augment [batch] [examples]
var mode = args.Length > 0 ? args[0] : "epoch";
switch (mode)
{
    case "epoch":
        var batches = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [32, 128];
        var device = Device.Parse(Environment.GetEnvironmentVariable("DEEPDSL_BENCH_DEVICE") is { Length: > 0 } d ? d : "cpu");
        Console.WriteLine($"threads={torch.get_num_threads()} device={device} {EngineInfo.Current().Describe()}");
        foreach (var batch in batches)
            Console.WriteLine($"deepdsl batch={batch} device={device} epoch_seconds={EpochBenchmark.Run(batch, device):F2}");
        return 0;
    case "trainer":
        foreach (var batch in args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [32])
        {
            var (bare, full) = TrainerOverheadBenchmark.Run(batch);
            Console.WriteLine($"trainer batch={batch} bare_epoch_seconds={bare:F2} trainer_epoch_seconds={full:F2} overhead={(full - bare) / full:P1}");
        }
        return 0;
    case "ddp":
        var ddpBatch = args.Length > 1 ? int.Parse(args[1]) : 128;
        double? oneRank = null;
        foreach (var (ranks, seconds) in DataParallelBenchmark.Run(ddpBatch, args.Length > 2 ? args[2..].Select(int.Parse).ToArray() : [1, 2]))
        {
            oneRank ??= seconds;
            Console.WriteLine($"ddp batch={ddpBatch} ranks={ranks} threads_per_rank=1 epoch_seconds={seconds:F2} speedup={oneRank / seconds:F2}");
        }
        return 0;
    case "augment":
        var augmentBatch = args.Length > 1 ? int.Parse(args[1]) : 128;
        var augmentExamples = args.Length > 2 ? int.Parse(args[2]) : 50_000;
        var a = AugmentationBenchmark.Run(augmentBatch, augmentExamples);
        Console.WriteLine($"augment batch={augmentBatch} examples={augmentExamples} threads={torch.get_num_threads()} plain_epoch_seconds={a.Plain:F2} " +
                          $"augmented_in_step_seconds={a.InStep:F2} augmented_worker_seconds={a.Worker:F2} augment_only_seconds={a.AugmentOnly:F2}");
        return 0;
    case "ddp-rank":
        return DataParallelBenchmark.Rank(int.Parse(args[1]));
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}': expected epoch, trainer, ddp or augment");
        return 2;
}
