namespace DeepDsl.Cli.VersionControl;

/// <summary>What one git command returned.</summary>
internal sealed record GitResult(int ExitCode, string Text, string Error)
{
    public bool Ok => ExitCode == 0;
}
