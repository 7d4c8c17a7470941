namespace DeepDsl.Runs;

/// <summary>A run folder cannot be used as asked (not a run, another spec's run, in use, damaged): a user's error, reported as one line.</summary>
public sealed class RunException : Exception
{
    public RunException(string message) : base(message)
    {
    }

    public RunException(string message, Exception inner) : base(message, inner)
    {
    }
}
