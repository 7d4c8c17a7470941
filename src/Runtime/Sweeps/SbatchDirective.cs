using System.Globalization;
using DeepDsl.Reporting;

namespace DeepDsl.Sweeps;

/// <summary>
/// The one way a value becomes an <c>#SBATCH</c> line of a batch script. sbatch reads a directive's value as a shell-like
/// word: a backslash escapes the next character, single and double quotes group (a backslash still escapes inside them),
/// an unquoted <c>#</c> starts a comment, and the line ends the value. So a value is written in double quotes with
/// <c>\</c> and <c>"</c> escaped, which carries spaces, quotes, <c>#</c>, <c>$</c>, backticks, <c>;</c>, <c>%</c> and
/// non-ASCII letters unchanged (checked with Slurm 22.05's sbatch, SweepSlurmTests); a control character — a newline
/// above all, which would end the directive and start a command — cannot be carried and is refused. An option's name is
/// written bare, so it must be a word of ASCII letters, digits, '-' and '_' (<see cref="IsOptionName"/>).
/// </summary>
public static class SbatchDirective
{
    /// <summary><c>#SBATCH --option=value</c>, or <c>#SBATCH --option</c> without a value; <paramref name="source"/> names where they came from, for the refusal.</summary>
    /// <exception cref="IOException">The name is not an option name, or the value holds a control character.</exception>
    public static string Line(string option, string? value, string source)
    {
        if (!IsOptionName(option))
            throw new IOException($"{source} {TerminalText.Escape(option)} is not an sbatch option name: a word of ASCII letters, digits, '-' and '_', e.g. partition");
        return value is null ? $"#SBATCH --{option}\n" : $"#SBATCH --{option}={Value(value, source)}\n";
    }

    /// <summary>The one rule for an option's name, which stands bare in the line: a word of ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsOptionName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Value(string value, string source)
    {
        if (!CanCarry(value))
            throw new IOException($"{source} {TerminalText.Escape(value)} holds {Named(value.First(char.IsControl))}, which a Slurm batch script cannot carry in an #SBATCH line; use a name without it");
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// A folder as the start of a Slurm filename pattern (<c>--output</c>): <c>%</c> doubled so Slurm does not read it as a
    /// job number or a task id. A backslash anywhere turns the whole pattern off (Slurm then drops the backslashes and
    /// writes every task to one wrong file), so a folder holding one is refused.
    /// </summary>
    /// <exception cref="IOException">The folder holds a backslash.</exception>
    public static string FilenamePattern(string folder, string source)
    {
        if (folder.Contains('\\'))
            throw new IOException($"{source} {TerminalText.Escape(folder)} holds a backslash, which turns off Slurm's filename patterns (%A_%a) in --output; use a folder without it");
        return folder.Replace("%", "%%", StringComparison.Ordinal);
    }

    /// <summary>Whether a value can be written as a directive.</summary>
    public static bool CanCarry(string value) => !value.Any(char.IsControl);

    private static string Named(char c) => c switch
    {
        '\n' => "a newline",
        '\r' => "a carriage return",
        '\t' => "a tab",
        _ => string.Create(CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4}"),
    };
}
