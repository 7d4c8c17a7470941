namespace DeepDsl.Processes;

/// <summary>
/// The one way DeepDsl writes a value as a word of a POSIX shell (sh, bash) script or command line: git hooks and
/// configuration, Slurm batch scripts. Single quotes, in which a shell interprets nothing — not <c>$</c>, a backtick,
/// <c>;</c>, a newline or <c>%</c> —, with each <c>'</c> written as <c>'\''</c> (close, an escaped quote, reopen).
/// A word made by <see cref="Variable"/> stands for a shell variable of the script instead, written <c>"${name}"</c>: so a
/// command line declared once as a list of words (a sweep's trial, <c>TrialProcess.Arguments</c>) can name files that only
/// the script knows (the trial of a Slurm array task).
/// </summary>
public static class ShellWord
{
    // NUL cannot be part of a command-line argument or a path, so no real word is ever taken for a variable.
    private const char VariableMark = '\0';

    public static string Quote(string text) =>
        IsVariable(text) ? "\"${" + text[1..] + "}\"" : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A command line: every word through <see cref="Quote"/>, separated by spaces.</summary>
    public static string Line(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));

    /// <summary>A word that <see cref="Quote"/> writes as the value of the shell variable <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a shell variable name (letters, digits, underscores).</exception>
    public static string Variable(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? VariableMark + name
            : throw new ArgumentException($"'{name}' is not a shell variable name", nameof(name));

    private static bool IsVariable(string text) => text.Length > 1 && text[0] == VariableMark;
}
