namespace DeepDsl.Distributed;

/// <summary>
/// A data-parallel run could not go on: a peer rank exited or stopped answering within the timeout, the
/// rendezvous failed, or the ranks' weights disagree. An error of the environment, not a bug, so the CLI reports
/// it as one line naming the rank.
/// </summary>
public sealed class DistributedException : Exception
{
    public DistributedException(string message, Exception? inner = null) : base(message, inner) { }
}
