using System.Diagnostics;
using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Bench;

/// <summary>
/// An epoch of the exercise network (after a flatten) on CIFAR-sized images [3, 32, 32]: without augmentation, with
/// random crops (padding 4) and flips made in the step, and with them made ahead on the trainer's worker; and the
/// augmentation alone (gather, crop and flip of every batch, no training).
/// </summary>
internal static class AugmentationBenchmark
{
    public sealed record Result(double Plain, double InStep, double Worker, double AugmentOnly);

    public static Result Run(int batchSize, int examples)
    {
        torch.manual_seed(42);
        using var images = torch.rand([examples, 3, 32, 32]).DetachFromDisposeScope();
        using var labels = torch.randint(0, 10, [examples]).DetachFromDisposeScope();
        var augmentation = new BatchAugmentation(padding: 4, flip: true, [3, 32, 32]);
        DatasetSplits Data(BatchAugmentation? a) => new(images, labels, null, null, images.narrow(0, 0, 1), labels.narrow(0, 0, 1), 10, [3, 32, 32])
            { Augmentation = a };

        double Epoch(BatchAugmentation? a, int prefetch)
        {
            torch.manual_seed(42);
            using var model = new Sequential(new Flatten(), ExerciseNetwork.Create());
            using var optimizer = new Nadam(model.parameters(), learningRate: 5e-5);
            var trainer = new Trainer(model, optimizer, schedule: null, LossKind.SparseCategoricalCrossentropy, seed: 42, []) { PrefetchBatches = prefetch };
            var steps = (int)((examples + batchSize - 1) / batchSize);
            trainer.Fit(Data(a), new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: 20), batchSize, shuffle: true); // warm-up
            var clock = Stopwatch.StartNew();
            trainer.Fit(Data(a), new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: steps), batchSize, shuffle: true);
            return clock.Elapsed.TotalSeconds;
        }

        var plain = Epoch(null, 0);
        var inStep = Epoch(augmentation, 0);
        var worker = Epoch(augmentation, 2);

        var clock = Stopwatch.StartNew();
        using (var scope = torch.NewDisposeScope())
        {
            var order = torch.randperm(examples);
            for (long start = 0; start < examples; start += batchSize)
            {
                using var step = torch.NewDisposeScope();
                augmentation.Apply(images.index_select(0, order.narrow(0, start, Math.Min(batchSize, examples - start))), 42, start);
            }
        }
        return new Result(plain, inStep, worker, clock.Elapsed.TotalSeconds);
    }
}
