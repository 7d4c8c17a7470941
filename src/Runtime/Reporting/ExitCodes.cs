namespace DeepDsl.Reporting;

/// <summary>
/// The exit codes of the deepdsl command and of <see cref="ExperimentConsole"/> (README, docs/security.md): scripts, CI
/// and git hooks rely on them. Here, beside the console reporting both share, so a program of the package's users ends
/// as `deepdsl run` does.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An error in a spec, the data or a run (or a spec not formatted, for fmt --check).</summary>
    public const int Failed = 1;

    /// <summary>deepdsl diff, as diff(1): the two specs differ.</summary>
    public const int SpecsDiffer = 1;

    /// <summary>deepdsl diff, as diff(1): a side does not compile (a missing file included), so there is nothing to compare.</summary>
    public const int DiffFailed = 2;

    /// <summary>The command line is wrong: an unknown option, a value out of its range.</summary>
    public const int Usage = 2;

    /// <summary>A bug in DeepDsl: the CLI reports it with its stack trace, to be filed as an issue (a user's program lets it crash instead).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl-C, SIGTERM): what was finished is kept.</summary>
    public const int Interrupted = 130;
}
