namespace DeepDsl.Distributed;

/// <summary>
/// Where and how the ranks of one run meet: this process's rank, how many there are, and the store they
/// exchange addresses through — a TCP store hosted by rank 0 at <see cref="MasterAddress"/>:<see cref="MasterPort"/>,
/// or a file every rank can reach (<see cref="StoreFile"/>, what the local launcher uses, so no port is opened).
/// </summary>
public sealed record Rendezvous(int Rank, int WorldSize, string MasterAddress, int MasterPort, string? StoreFile, TimeSpan Timeout)
{
    /// <summary>The default for collectives and the rendezvous; DEEPDSL_DIST_TIMEOUT (seconds) overrides it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>True when every rank runs on this machine, so Gloo's transport binds to loopback only.</summary>
    public bool IsLoopback => MasterAddress is "127.0.0.1" or "localhost" or "::1";
}
