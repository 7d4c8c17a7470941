using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Distributed;

/// <summary>
/// What the trainer does differently on N ranks, in the manner of PyTorch's DistributedDataParallel but on the
/// optimizer's flat gradient buffer, so a step costs exactly one all-reduce:
/// every rank starts from rank 0's weights; each takes its shard of the same global batch; the gradients are
/// combined weighted by shard size (so the step equals one process's on the whole batch, uneven last batch
/// included); metrics are summed across ranks; and after each epoch the ranks check that their weights are
/// still identical and take rank 0's batch-norm running statistics.
/// </summary>
public sealed class DataParallel(ProcessGroup group)
{
    public int Rank => group.Rank;

    public int WorldSize => group.WorldSize;

    public ProcessGroup Group => group;

    /// <summary>This rank's contiguous part of a global batch of <paramref name="count"/> examples (the first ranks take one more when it does not divide).</summary>
    public (long Start, long Length) Shard(long count) => Shard(count, Rank, WorldSize);

    public static (long Start, long Length) Shard(long count, int rank, int worldSize)
    {
        long quotient = count / worldSize, remainder = count % worldSize;
        return (rank * quotient + Math.Min(rank, remainder), quotient + (rank < remainder ? 1 : 0));
    }

    /// <summary>A seed for this rank's random draws inside the step (dropout): ranks must not draw the same masks.</summary>
    public ulong RankSeed(ulong epochSeed) => unchecked(epochSeed ^ (0x9E3779B97F4A7C15UL * (ulong)(Rank + 1)));

    /// <summary>Gives every rank rank 0's parameters and buffers (at the start, and after a resume).</summary>
    public void BroadcastFromRankZero(Module model, Tensor flatParameters)
    {
        using var noGrad = torch.no_grad();
        group.broadcast(flatParameters);
        BroadcastBuffers(model);
    }

    /// <summary>
    /// Turns this rank's gradient of the mean loss over its shard into the gradient of the mean over the global batch:
    /// scaled by the shard's share of the batch, then summed across ranks in one all-reduce.
    /// </summary>
    public void CombineGradients(Tensor flatGradients, long shardLength, long batchLength)
    {
        using var noGrad = torch.no_grad();
        if (shardLength != batchLength) flatGradients.mul_((double)shardLength / batchLength);
        group.all_reduce(flatGradients);
    }

    /// <summary>
    /// How many steps apart the ranks agree on whether to stop (Ctrl-C, SIGTERM). A rank that stopped on its own
    /// would leave the others waiting in the next all-reduce; agreeing every step would add a collective's latency to
    /// each one, so they agree every few steps, and an interrupt takes effect within that many steps.
    /// </summary>
    public const int StopCheckInterval = 16;

    /// <summary>True on every rank when <paramref name="value"/> is true on any.</summary>
    public bool AnyRank(bool value)
    {
        using var flag = torch.tensor(new[] { value ? 1L : 0L });
        group.all_reduce(flag, ReduceOp.Max);
        return flag.ToArray<long>()[0] != 0;
    }

    /// <summary>Sums a small tensor of running totals (loss × examples, correct, examples) across ranks, in place.</summary>
    public void Sum(Tensor totals) => group.all_reduce(totals);

    /// <summary>
    /// After an epoch: batch norm's running statistics become rank 0's (each rank normalised its shard with its own
    /// batch statistics, as DistributedDataParallel does without SyncBatchNorm), and the parameters are checked to
    /// be the same bytes on every rank — a nondeterministic kernel would otherwise make the replicas drift silently.
    /// </summary>
    /// <exception cref="DistributedException">The ranks' parameters differ.</exception>
    public void EndEpoch(Module model, Tensor flatParameters)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        BroadcastBuffers(model);
        var rankZero = flatParameters.clone();
        group.broadcast(rankZero);
        var differs = rankZero.ne(flatParameters).any().to(ScalarType.Int64);
        group.all_reduce(differs, ReduceOp.Max);
        if (differs.item<long>() != 0)
            throw new DistributedException($"rank {Rank} of {WorldSize} stopped: the ranks' weights differ after an epoch " +
                                           "(a nondeterministic operation?); the replicas are no longer one model");
    }

    /// <summary>Rank 0's <paramref name="text"/> on every rank (the run folder it created, so all ranks report the same one).</summary>
    public string BroadcastText(string text)
    {
        using var length = torch.tensor(new[] { (long)System.Text.Encoding.UTF8.GetByteCount(text) });
        group.broadcast(length);
        var bytes = new byte[length.ToArray<long>()[0]];
        if (Rank == 0) System.Text.Encoding.UTF8.GetBytes(text, bytes);
        using var buffer = torch.tensor(bytes);
        group.broadcast(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray<byte>());
    }

    private void BroadcastBuffers(Module model)
    {
        foreach (var (_, buffer) in model.named_buffers()) group.broadcast(buffer);
    }
}
