using System.Diagnostics;
using DeepDsl.Data;
using DeepDsl.Distributed;
using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>
/// The training loop: per epoch, shuffle from the run seed, gather each batch by index on the
/// device, forward, loss (plus penalties), backward, step, constraints; then validate and hand the
/// epoch's metrics to the callbacks. Every step runs in a dispose scope, and the running sums stay
/// on the device, so a step allocates nothing it does not free and never waits for a host read.
/// </summary>
public sealed class Trainer
{
    private const int EvaluationBatch = 2048;

    private readonly Module model;
    private readonly Optimizer optimizer;
    private readonly ILearningRateSchedule? schedule;
    private readonly LossFunction loss;
    private readonly IReadOnlyList<ITrainingCallback> callbacks;
    private readonly ulong seed;

    public Trainer(Module model, Optimizer optimizer, ILearningRateSchedule? schedule, LossKind lossKind, ulong seed,
        IReadOnlyList<ITrainingCallback> callbacks)
    {
        this.model = model;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.seed = seed;
        this.callbacks = callbacks;
        loss = new LossFunction(lossKind, (model as IClassifierModel)?.Output ?? OutputActivation.Linear);
    }

    /// <summary>
    /// The ranks this trainer is one of (null: it trains alone). Each step then takes this rank's shard of the global
    /// batch and combines gradients across ranks before the optimizer steps; see <see cref="DataParallel"/>.
    /// </summary>
    public DataParallel? Parallel { get; init; }

    /// <summary>
    /// How many augmented batches a worker thread makes ahead of the step (0: each is made in the step, on this thread).
    /// Only data with random augmentation uses the worker; plain batches are one gather, which the step does itself.
    /// </summary>
    public int PrefetchBatches { get; init; } = 2;

    /// <summary>Trains from <paramref name="state"/>'s epoch to its last epoch, or until a callback or the token stops it.</summary>
    public TrainingState Fit(DatasetSplits data, TrainingState state, int batchSize, bool shuffle, CancellationToken cancellation = default)
    {
        foreach (var callback in callbacks) callback.OnTrainBegin(state);
        for (; state.Epoch < state.Epochs && !state.StopRequested; state.Epoch++)
        {
            var metrics = TrainEpoch(data, state, batchSize, shuffle, cancellation);
            if (metrics is null)
            {
                state.RequestStop(TrainingStatus.Interrupted, $"interrupted during epoch {state.Epoch + 1}; kept everything up to epoch {state.Epoch}");
                break;
            }
            state.History.Add(metrics);
            schedule?.OnEpochEnd(state.Epoch, metrics.ToDictionary());
            if (!double.IsFinite(metrics.Loss))
                state.RequestStop(TrainingStatus.Diverged, $"the training loss became {metrics.Loss} in epoch {metrics.Epoch}; lower the learning rate (try `deepdsl lr-find`). The best checkpoint is kept.");
            foreach (var callback in callbacks) callback.OnEpochEnd(state, metrics);
        }
        foreach (var callback in callbacks) callback.OnTrainEnd(state);
        return state;
    }

    /// <summary>Deterministic per-epoch seed: an interrupted run resumed at epoch e draws exactly what the uninterrupted run drew.</summary>
    public static ulong EpochSeed(ulong runSeed, int epoch) => unchecked(runSeed * 1_000_003UL + (ulong)epoch + 1);

    private EpochMetrics? TrainEpoch(DatasetSplits data, TrainingState state, int batchSize, bool shuffle, CancellationToken cancellation)
    {
        var stopwatch = Stopwatch.StartNew();
        torch.manual_seed(EpochSeed(seed, state.Epoch));
        model.train();
        var regularized = model as IRegularizedModel;
        var classifier = model as IClassifierModel;
        using var scope = torch.NewDisposeScope();
        var examples = data.TrainCount;
        var device = data.TrainX.device;
        var order = shuffle ? torch.randperm(examples, device: device) : torch.arange(examples, device: device);
        // Every rank drew the same permutation; from here on (dropout) each draws its own numbers.
        if (Parallel is not null) torch.manual_seed(Parallel.RankSeed(EpochSeed(seed, state.Epoch)));
        // Declared after the epoch's scope, so disposed first: the worker stops before the order it reads is freed.
        using var batches = data.Augmentation is { } augmentation
            ? new BatchPrefetcher(step => AugmentedBatch(data, augmentation, order, step, batchSize, EpochSeed(seed, state.Epoch)), state.StepsPerEpoch, PrefetchBatches)
            : null;
        var lossSum = torch.zeros([], ScalarType.Float64, device);
        var correct = torch.zeros([], ScalarType.Int64, device);
        long seen = 0;

        for (var step = 0; step < state.StepsPerEpoch; step++)
        {
            if (Stopping(step, cancellation)) return null;
            using var stepScope = torch.NewDisposeScope();
            var start = (long)step * batchSize;
            var count = Math.Min(batchSize, examples - start);
            var (shardStart, shard) = Parallel?.Shard(count) ?? (0, count);
            if (schedule is not null)
            {
                optimizer.LearningRate = schedule.LearningRateAt(state.GlobalStep);
                if (schedule.MomentumAt(state.GlobalStep) is { } momentum && optimizer is IMomentumOptimizer withMomentum)
                    withMomentum.Momentum = momentum;
            }
            optimizer.zero_grad();
            // A last batch smaller than the number of ranks leaves some ranks no examples: they add zero gradients.
            using var augmented = batches?.Take(step);
            if (shard > 0)
            {
                var index = augmented is null ? order.narrow(0, start + shardStart, shard) : null;
                var x = augmented?.X ?? data.TrainX.index_select(0, index!);
                var y = augmented?.Y ?? data.TrainY.index_select(0, index!);
                var logits = classifier is null ? model.forward(x) : classifier.forward_logits(x);
                var batchLoss = loss.Loss(logits, y);
                var objective = regularized?.regularization_loss() is { } penalty ? batchLoss + penalty : batchLoss;
                objective.backward();
                using (torch.no_grad())
                {
                    lossSum.add_(batchLoss.detach().to(ScalarType.Float64).mul(shard));
                    correct.add_(loss.Correct(logits.detach(), y));
                }
            }
            Parallel?.CombineGradients(optimizer.Parameters.Grads, shard, count);
            optimizer.step();
            regularized?.apply_constraints();
            state.GlobalStep++;
            seen += shard;
            var progress = new BatchProgress(state.Epoch, step, state.StepsPerEpoch, optimizer.LearningRate,
                () => (lossSum.item<double>() / seen, (double)correct.item<long>() / seen));
            foreach (var callback in callbacks) callback.OnBatchEnd(state, progress);
        }

        var (trainLoss, trainAccuracy) = EpochTotals(lossSum.item<double>(), correct.item<long>(), seen);
        Parallel?.EndEpoch(model, optimizer.Parameters.Values);
        var validation = data.ValidationX is null ? null : Evaluate(data.ValidationX, data.ValidationY!);
        // The rate and momentum the last step used: a schedule sets both before each step.
        return new EpochMetrics(state.Epoch + 1, optimizer.LearningRate, trainLoss, trainAccuracy,
            validation?.Loss ?? double.NaN, validation?.Accuracy ?? double.NaN, stopwatch.Elapsed.TotalSeconds,
            (optimizer as IMomentumOptimizer)?.Momentum ?? double.NaN);
    }

    /// <summary>
    /// This rank's examples of batch <paramref name="step"/>, augmented; the draws follow each example's position in the
    /// epoch, so they are the same whichever thread makes the batch, and however many ranks share it.
    /// </summary>
    private TrainingBatch? AugmentedBatch(DatasetSplits data, BatchAugmentation augmentation, Tensor order, int step, int batchSize, ulong epochSeed)
    {
        var start = (long)step * batchSize;
        var count = Math.Min(batchSize, data.TrainCount - start);
        var (shardStart, shard) = Parallel?.Shard(count) ?? (0, count);
        if (shard == 0) return null;
        using var scope = torch.NewDisposeScope();
        var index = order.narrow(0, start + shardStart, shard);
        var x = augmentation.Apply(data.TrainX.index_select(0, index), epochSeed, start + shardStart);
        var y = data.TrainY.index_select(0, index);
        return new TrainingBatch(x.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    /// <summary>Whether to stop before this step. Ranks decide together, so that they all stop at the same step.</summary>
    private bool Stopping(int step, CancellationToken cancellation) => Parallel is null
        ? cancellation.IsCancellationRequested
        : step % DataParallel.StopCheckInterval == 0 && Parallel.AnyRank(cancellation.IsCancellationRequested);

    /// <summary>The epoch's mean loss and accuracy, over all ranks' examples when there are several.</summary>
    private (double Loss, double Accuracy) EpochTotals(double lossSum, long correct, long seen)
    {
        if (Parallel is null) return (lossSum / seen, (double)correct / seen);
        using var totals = torch.tensor(new[] { lossSum, correct, seen });
        Parallel.Sum(totals);
        var sums = totals.ToArray<double>();
        return (sums[0] / sums[2], sums[1] / sums[2]);
    }

    /// <summary>Loss and accuracy in evaluation mode (dropout off, batch norm on running statistics).</summary>
    public EvaluationResult Evaluate(Tensor x, Tensor y)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            return Evaluate(model, loss, x, y);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Loss and accuracy of the model as it is (its current train/eval mode), in batches, without gradients.</summary>
    public static EvaluationResult Evaluate(Module model, LossFunction loss, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var classifier = model as IClassifierModel;
        var examples = y.size(0);
        var lossSum = torch.zeros([], ScalarType.Float64, x.device);
        var correct = torch.zeros([], ScalarType.Int64, x.device);
        for (long start = 0; start < examples; start += EvaluationBatch)
        {
            using var batchScope = torch.NewDisposeScope();
            var count = Math.Min(EvaluationBatch, examples - start);
            var xb = x.narrow(0, start, count);
            var yb = y.narrow(0, start, count);
            var logits = classifier is null ? model.forward(xb) : classifier.forward_logits(xb);
            lossSum.add_(loss.Loss(logits, yb).to(ScalarType.Float64).mul(count));
            correct.add_(loss.Correct(logits, yb));
        }
        return new EvaluationResult(lossSum.item<double>() / examples, (double)correct.item<long>() / examples, examples);
    }
}
