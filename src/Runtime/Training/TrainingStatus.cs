namespace DeepDsl.Training;

/// <summary>
/// How training ended, as the trainer and its callbacks know it (Lightning's trainer status): completed unless a callback
/// or the trainer stopped it. The run's records name these statuses (the run layer's <c>RunStatus</c> adds "running" and what
/// each status means for a sweep and the exit code), so the names are declared here, once.
/// </summary>
public sealed record TrainingStatus
{
    // Private: a callback stops a run with one of these, never with a name the records and the exit code would not know.
    private TrainingStatus(string name) => Name = name;

    public string Name { get; }

    public static readonly TrainingStatus Completed = new("completed");
    public static readonly TrainingStatus EarlyStopped = new("early_stopped");

    /// <summary>Stopped by a sweep's ASHA rung.</summary>
    public static readonly TrainingStatus EarlyTerminated = new("early_terminated");

    /// <summary>The loss became NaN or infinite.</summary>
    public static readonly TrainingStatus Diverged = new("diverged");

    /// <summary>A person or a scheduler stopped it (cancellation).</summary>
    public static readonly TrainingStatus Interrupted = new("interrupted");

    public override string ToString() => Name;
}
