namespace DeepDsl.Cli.Shell;

/// <summary>
/// The one way DeepDsl writes a value as a word of a POSIX shell (sh, bash) script or command line: git hooks and
/// configuration, Slurm batch scripts. Single quotes, in which a shell interprets nothing — not <c>$</c>, a backtick,
/// <c>;</c>, a newline or <c>%</c> —, with each <c>'</c> written as <c>'\''</c> (close, an escaped quote, reopen).
/// </summary>
internal static class ShellWord
{
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
