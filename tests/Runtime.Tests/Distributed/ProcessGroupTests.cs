using DeepDsl.Distributed;
using DeepDsl.Engines;
using DeepDsl.Engines.TorchSharp;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Distributed;

/// <summary>Two ranks as two threads of this process, meeting through a file store (no port is opened).</summary>
public sealed class ProcessGroupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-c10d-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private T[] OnTwoRanks<T>(Func<ProcessGroup, T> body, double timeoutSeconds = 10)
    {
        var store = Path.Combine(folder, "store");
        var tasks = Enumerable.Range(0, 2).Select(rank => Task.Factory.StartNew(() =>
        {
            using var group = ProcessGroup.Join(new Rendezvous(rank, 2, "127.0.0.1", 0, store, TimeSpan.FromSeconds(timeoutSeconds)), Device.CPU);
            return body(group);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(Task.WaitAll(tasks, TimeSpan.FromSeconds(60)), "the two ranks did not finish");
        return tasks.Select(t => t.Result).ToArray();
    }

    [CollectivesFact]
    public void All_reduce_sums_and_every_rank_gets_the_same_bytes()
    {
        var results = OnTwoRanks(group =>
        {
            using var t = torch.tensor(new[] { 0.1f * (group.Rank + 1), 1e-7f, 3f + group.Rank });
            group.all_reduce(t);
            return t.ToArray<float>();
        });
        Assert.Equal(results[0], results[1]);
        Assert.Equal(0.1f + 0.2f, results[0][0]);
        Assert.Equal(7f, results[0][2]);
    }

    [CollectivesFact]
    public void Max_reduces_to_the_largest()
    {
        var results = OnTwoRanks(group =>
        {
            using var t = torch.tensor(new[] { (long)group.Rank * 5 });
            group.all_reduce(t, ReduceOp.Max);
            return t.ToArray<long>()[0];
        });
        Assert.Equal([5L, 5L], results);
    }

    [CollectivesFact]
    public void Broadcast_copies_the_roots_tensor()
    {
        var results = OnTwoRanks(group =>
        {
            using var t = torch.full([4], group.Rank == 0 ? 2.5 : -1, ScalarType.Float32, Device.CPU);
            group.broadcast(t);
            group.barrier();
            return t.ToArray<float>();
        });
        Assert.All(results, r => Assert.Equal([2.5f, 2.5f, 2.5f, 2.5f], r));
    }

    [CollectivesFact]
    public void A_peer_that_never_comes_ends_the_collective_with_an_error_within_the_timeout()
    {
        var started = DateTime.UtcNow;
        var messages = OnTwoRanks(group =>
        {
            if (group.Rank == 1) return "";
            using var t = torch.ones([3]);
            var error = Assert.Throws<DistributedException>(() => group.all_reduce(t));
            return error.Message;
        }, timeoutSeconds: 2);
        Assert.StartsWith("rank 0 of 2 stopped: the all-reduce", messages[0]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [CollectivesFact]
    public void A_rank_alone_cannot_meet_and_says_where_it_waited()
    {
        var store = Path.Combine(folder, "lonely");
        var error = Assert.Throws<DistributedException>(() =>
            ProcessGroup.Join(new Rendezvous(0, 2, "127.0.0.1", 0, store, TimeSpan.FromSeconds(1)), Device.CPU));
        Assert.Contains("could not meet the other ranks at " + store, error.Message);
    }

    [Fact]
    public void On_an_engine_without_collectives_joining_is_one_line_naming_the_native_engine()
    {
        var reason = Engine.Find(TorchSharpEngine.EngineName).CollectivesMissing!;
        Assert.Contains("native engine", reason);
        Assert.DoesNotContain('\n', reason);
        if (Engine.CollectivesMissing() is not { } missing) return; // this engine has c10d: the tests above ran on it
        Assert.Equal(reason, missing);
        var error = Assert.Throws<DistributedException>(() =>
            ProcessGroup.Join(new Rendezvous(0, 2, "127.0.0.1", 0, Path.Combine(folder, "store"), TimeSpan.FromSeconds(1)), Device.CPU));
        Assert.Equal(reason, error.Message);
    }
}
