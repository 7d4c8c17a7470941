using DeepDsl.Torch;
using DeepDsl.Engines;
using DeepDsl.Engines.Native;

namespace DeepDsl.Distributed;

/// <summary>
/// This process's membership in a run's group of ranks (c10d): Gloo for CPU tensors, NCCL for CUDA ones. Every
/// collective blocks until all ranks took part; a peer that exited or stalled past the timeout ends the wait
/// with a <see cref="DistributedException"/> naming this rank, never a hang.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private IntPtr store;
    private IntPtr group;

    private ProcessGroup(Rendezvous rendezvous, IntPtr store, IntPtr group)
    {
        Rendezvous = rendezvous;
        this.store = store;
        this.group = group;
    }

    public Rendezvous Rendezvous { get; }

    public int Rank => Rendezvous.Rank;

    public int WorldSize => Rendezvous.WorldSize;

    /// <summary>Meets the other ranks (waiting up to the timeout for all of them) and forms the group.</summary>
    public static ProcessGroup Join(Rendezvous rendezvous, Device device)
    {
        if (Engine.CollectivesMissing() is { } missing) throw new DistributedException(missing);
        var seconds = rendezvous.Timeout.TotalSeconds;
        var store = IntPtr.Zero;
        try
        {
            store = LibTorch.CheckPointer(rendezvous.StoreFile is { } file
                ? LibTorch.dd_store_file(file, rendezvous.WorldSize, seconds)
                : LibTorch.dd_store_tcp(rendezvous.MasterAddress, rendezvous.MasterPort, rendezvous.WorldSize, rendezvous.Rank == 0, seconds));
            var backend = device.Type == DeviceType.CUDA ? 1 : 0;
            // On one machine Gloo's transport binds to loopback only; across machines, to this host's address.
            var hostname = rendezvous.IsLoopback || rendezvous.StoreFile is not null ? "127.0.0.1" : null;
            var group = LibTorch.CheckPointer(LibTorch.dd_process_group_new(store, rendezvous.Rank, rendezvous.WorldSize, backend, hostname, seconds));
            return new ProcessGroup(rendezvous, store, group);
        }
        catch (TorchException error)
        {
            if (store != IntPtr.Zero) LibTorch.dd_store_free(store);
            var where = rendezvous.StoreFile ?? $"{rendezvous.MasterAddress}:{rendezvous.MasterPort}";
            throw new DistributedException($"rank {rendezvous.Rank} of {rendezvous.WorldSize} could not meet the other ranks at {where} " +
                                           $"within {seconds:0.#} s: {error.Message}", error);
        }
    }

    /// <summary>Combines <paramref name="tensor"/> across ranks, in place; every rank ends with the same bytes.</summary>
    public void all_reduce(Tensor tensor, ReduceOp op = ReduceOp.Sum) => Collective(LibTorch.dd_all_reduce(Handle, (TensorHandle)tensor.Handle, (int)op), "all-reduce");

    /// <summary>Overwrites <paramref name="tensor"/> on every rank with <paramref name="root"/>'s.</summary>
    public void broadcast(Tensor tensor, int root = 0) => Collective(LibTorch.dd_broadcast(Handle, (TensorHandle)tensor.Handle, root), "broadcast");

    public void barrier() => Collective(LibTorch.dd_barrier(Handle), "barrier");

    private IntPtr Handle => group != IntPtr.Zero ? group : throw new ObjectDisposedException(nameof(ProcessGroup));

    private void Collective(int status, string what)
    {
        if (status == 0) return;
        var error = LibTorch.TakeError();
        throw new DistributedException($"rank {Rank} of {WorldSize} stopped: the {what} with the other ranks failed " +
                                       $"(a peer exited, or did not answer within {Rendezvous.Timeout.TotalSeconds:0.#} s): {FirstLine(error.Message)}", error);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public void Dispose()
    {
        if (group != IntPtr.Zero) LibTorch.dd_process_group_free(group);
        if (store != IntPtr.Zero) LibTorch.dd_store_free(store);
        group = store = IntPtr.Zero;
    }
}
