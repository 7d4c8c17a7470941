using System.Globalization;
using System.Text;
using DeepDsl.Runs.Records;

namespace DeepDsl.Reporting;

/// <summary>
/// The one way a value from a spec, a record or a folder name reaches the terminal: every character a terminal would act
/// on or a reader could be fooled by (<see cref="RecordText.IsUnsafeAt"/>: ESC, CR, BEL and the other control characters,
/// line separators, bidirectional overrides, lone surrogates) is written as a visible \uXXXX escape, so a description
/// holding "\e[2J" prints those characters instead of clearing the screen. Everything else, Unicode included, is kept.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? value)
    {
        if (value is null) return "";
        if (RecordText.FirstUnsafe(value) < 0) return value;
        var shown = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            if (RecordText.IsUnsafeAt(value, i)) shown.Append("\\u").Append(((int)value[i]).ToString("x4", CultureInfo.InvariantCulture));
            else shown.Append(value[i]);
        }
        return shown.ToString();
    }

    /// <summary>A message on one line, escaped: error messages quote files, folder names and record fields.</summary>
    public static string OneLine(string message) => Escape(message.ReplaceLineEndings(" ").Replace('\t', ' ').Trim());
}
