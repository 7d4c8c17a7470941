namespace DeepDsl.Sweeps;

/// <summary>How an executor left a sweep: what the caller reports next.</summary>
public enum SweepOutcome
{
    /// <summary>Every trial ended (finished, or failed twice): the leaderboard is final.</summary>
    Ended,

    /// <summary>Some trials did not run to the end (interrupted, or run by another process): the next sweep command continues them.</summary>
    Unfinished,

    /// <summary>Handed to a scheduler without waiting: `deepdsl sweep report` reads the results later.</summary>
    Submitted,
}
