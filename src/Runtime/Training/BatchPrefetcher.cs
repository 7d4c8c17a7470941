using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace DeepDsl.Training;

/// <summary>
/// Makes an epoch's batches 0…count − 1 in order on a worker thread, at most <c>depth</c> ahead of the training step
/// that takes them (a bounded producer and consumer), so that augmenting the next batch overlaps the current step. Each
/// batch is a function of its step alone, so what the step gets does not depend on the timing. With depth 0 every
/// batch is made when it is taken, on the caller's thread. A failure while making one is thrown where it is taken.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly Func<int, TrainingBatch?> make;
    private readonly BlockingCollection<Item>? ready;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread? worker;
    private int next;

    private readonly record struct Item(int Step, TrainingBatch? Batch, ExceptionDispatchInfo? Error);

    public BatchPrefetcher(Func<int, TrainingBatch?> make, int count, int depth)
    {
        this.make = make;
        if (depth <= 0) return;
        ready = new BlockingCollection<Item>(depth);
        worker = new Thread(() => Produce(count)) { IsBackground = true, Name = "deepdsl batches" };
        worker.Start();
    }

    /// <summary>Batch <paramref name="step"/> (null when this rank has no examples in it); steps are taken in order.</summary>
    public TrainingBatch? Take(int step)
    {
        if (step != next++) throw new InvalidOperationException($"internal error: batch {step} taken after batch {next - 2}");
        if (ready is null) return make(step);
        var item = ready.Take();
        item.Error?.Throw();
        return item.Step == step ? item.Batch : throw new InvalidOperationException($"internal error: batch {item.Step} came for step {step}");
    }

    private void Produce(int count)
    {
        try
        {
            for (var step = 0; step < count && !stop.IsCancellationRequested; step++)
            {
                Item item;
                try
                {
                    item = new Item(step, make(step), null);
                }
                catch (Exception error)
                {
                    item = new Item(step, null, ExceptionDispatchInfo.Capture(error));
                }
                try
                {
                    ready!.Add(item, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    item.Batch?.Dispose();
                    return;
                }
                if (item.Error is not null) return;
            }
        }
        finally
        {
            ready!.CompleteAdding();
        }
    }

    /// <summary>Stops the worker (the epoch ended or was interrupted) and frees the batches nobody took.</summary>
    public void Dispose()
    {
        stop.Cancel();
        worker?.Join();
        if (ready is not null)
        {
            foreach (var item in ready.GetConsumingEnumerable()) item.Batch?.Dispose();
            ready.Dispose();
        }
        stop.Dispose();
    }
}
