using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeepDsl.Distributed;
using DeepDsl.Processes;

namespace DeepDsl.Cli.Distributed;

/// <summary>
/// `deepdsl run FILE --nproc N`: starts N ranks of the same command on this machine, the way `torchrun --standalone`
/// does. Each child gets RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR/MASTER_PORT (loopback), a private file store
/// to meet through, so nothing listens beyond loopback, and its share of the cores (OMP_NUM_THREADS, unless set). Ctrl-C is forwarded to every rank; when one rank fails the
/// others get a moment to stop on their own (they notice within the collective timeout), then are terminated.
/// The exit code is the first failure's.
/// </summary>
internal static class LocalLauncher
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(15);

    public static int Run(int ranks, CancellationToken token)
    {
        // CreateTempSubdirectory makes the folder readable by this user only: no one else can join the rendezvous.
        var rendezvous = Directory.CreateTempSubdirectory("deepdsl-rendezvous-");
        var children = new List<Process>();
        try
        {
            var port = FreeLoopbackPort();
            for (var rank = 0; rank < ranks; rank++)
                children.Add(Process.Start(ChildStart(rank, ranks, port, Path.Combine(rendezvous.FullName, "store")))!);
            using var forward = token.Register(() => children.ForEach(c => ProcessSignals.Send(c, ProcessSignals.Interrupt)));
            return Supervise(children, token);
        }
        finally
        {
            foreach (var child in children.Where(c => !c.HasExited)) child.Kill();
            foreach (var child in children) child.Dispose();
            rendezvous.Delete(recursive: true);
        }
    }

    /// <summary>Waits for the ranks; after the first failure or an interrupt, those still running get <see cref="Grace"/> to stop, then SIGTERM, then SIGKILL.</summary>
    private static int Supervise(IReadOnlyList<Process> children, CancellationToken token)
    {
        int? firstFailure = null;
        var stopping = Stopwatch.StartNew();
        var terminated = false;
        var interrupted = false;
        while (children.Any(c => !c.HasExited))
        {
            if (firstFailure is null && children.Select((c, rank) => (c, rank)).FirstOrDefault(x => x.c.HasExited && x.c.ExitCode != 0) is ({ } failed, var rank))
            {
                firstFailure = failed.ExitCode;
                if (failed.ExitCode != ExitCodes.Interrupted)
                    System.Console.Error.WriteLine($"deepdsl: rank {rank} of {children.Count} stopped (exit code {failed.ExitCode}); stopping the other ranks");
                stopping.Restart();
            }
            if (token.IsCancellationRequested && firstFailure is null && !interrupted)
            {
                interrupted = true;
                stopping.Restart();
            }
            if ((firstFailure is not null || interrupted) && !terminated && stopping.Elapsed > Grace)
            {
                foreach (var child in children) ProcessSignals.Send(child, ProcessSignals.Terminate);
                terminated = true;
            }
            if (terminated && stopping.Elapsed > Grace + TerminateWait) break;
            Thread.Sleep(50);
        }
        foreach (var child in children) child.WaitForExit(TimeSpan.FromSeconds(1));
        return firstFailure ?? children.Select(c => c.HasExited ? c.ExitCode : 1).FirstOrDefault(code => code != 0);
    }

    /// <summary>The same deepdsl command line again, as a rank.</summary>
    private static ProcessStartInfo ChildStart(int rank, int ranks, int port, string storeFile)
    {
        var start = SelfCommand.Current().Start(Environment.GetCommandLineArgs().Skip(1));
        start.Environment["RANK"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["LOCAL_RANK"] = start.Environment["RANK"];
        start.Environment["WORLD_SIZE"] = ranks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MASTER_ADDR"] = "127.0.0.1";
        start.Environment["MASTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment[RendezvousEnvironment.StoreFileVariable] = storeFile;
        // As torchrun does: N ranks share the cores. Each rank's engine applies OMP_NUM_THREADS to libtorch and OpenBLAS
        // alike (Torch/CpuThreads); left at a thread per core, two ranks on two cores ran 3× slower (docs/performance.md).
        if (Environment.GetEnvironmentVariable(DeepDsl.Torch.CpuThreads.Variable) is null)
            start.Environment[DeepDsl.Torch.CpuThreads.Variable] = Math.Max(1, Environment.ProcessorCount / ranks).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
