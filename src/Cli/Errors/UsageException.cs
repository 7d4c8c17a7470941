namespace DeepDsl.Cli.Errors;

/// <summary>A command's own check of its arguments failed in a way the parser cannot see (a file named on the command line that is not there).</summary>
internal sealed class UsageException(string message) : Exception(message);
