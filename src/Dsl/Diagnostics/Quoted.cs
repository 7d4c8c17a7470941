using System.Globalization;
using System.Text;

namespace DeepDsl.Dsl.Diagnostics;

/// <summary>
/// Text from a spec as a message quotes it: on one line, control characters and line terminators shown as
/// escapes, and capped at <see cref="MaxChars"/> characters, so a diagnostic never carries a file's content at length.
/// </summary>
public static class Quoted
{
    public const int MaxChars = 40;

    /// <summary>'value', shortened and escaped.</summary>
    public static string Value(string text) => "'" + Bare(text) + "'";

    /// <summary>The value shortened and escaped, without quotes.</summary>
    public static string Bare(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            if (shown.Length >= MaxChars)
                return shown.Append("…").Append(string.Format(CultureInfo.InvariantCulture, " ({0:N0} characters)", text.Length)).ToString();
            if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else shown.Append(c);
        }
        return shown.ToString();
    }
}
