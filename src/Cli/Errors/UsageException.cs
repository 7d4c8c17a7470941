namespace DeepDsl.Cli.Errors;

/// <summary>A command's own check of its arguments failed in a way the parser cannot see (a value out of its range for this executor); a file that is not there is not a usage error but the error of the command that reads it, exit 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
