using System.Diagnostics;
using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Bench;

/// <summary>
/// The full trainer (batch gather, schedule hook, loss, accuracy, running sums, callbacks, per-epoch
/// validation excluded) against the bare loop of <see cref="EpochBenchmark"/> on the same network and
/// data: the difference is the training step's overhead outside libtorch's own work.
/// </summary>
internal static class TrainerOverheadBenchmark
{
    public static (double Bare, double Trainer) Run(int batchSize, int examples = 50_000)
    {
        var bare = EpochBenchmark.Run(batchSize, examples: examples);

        torch.manual_seed(42);
        using var model = ExerciseNetwork.Create();
        using var optimizer = new Nadam(model.parameters(), learningRate: 5e-5);
        using var data = new DatasetSplits(torch.randn([examples, 3072]).DetachFromDisposeScope(), torch.randint(0, 10, [examples]).DetachFromDisposeScope(),
            null, null, torch.zeros([1, 3072]).DetachFromDisposeScope(), torch.zeros([1], ScalarType.Int64).DetachFromDisposeScope(), 10, [3072]);
        var steps = (examples + batchSize - 1) / batchSize;
        var trainer = new Trainer(model, optimizer, schedule: null, LossKind.SparseCategoricalCrossentropy, seed: 42, [new CountingCallback()]);
        trainer.Fit(data, new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: 50), batchSize, shuffle: true); // warm-up
        var clock = Stopwatch.StartNew();
        trainer.Fit(data, new TrainingState(model, optimizer, null, epochs: 1, stepsPerEpoch: steps), batchSize, shuffle: true);
        return (bare, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Stands in for a progress bar: sees every batch, reads nothing from the device.</summary>
    private sealed class CountingCallback : ITrainingCallback
    {
        public long Batches { get; private set; }

        public void OnBatchEnd(TrainingState state, BatchProgress progress) => Batches++;
    }
}
