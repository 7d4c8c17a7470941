using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepDsl.Generator.Emitting;

/// <summary>
/// How values become C# source text: literals, numbers (round-trip, invariant), comment text, #line directives.
/// Every value from a spec passes through here; identifiers come only from names the language checked (<see cref="DeepDsl.Dsl.Naming.Names"/>).
/// </summary>
internal static class Text
{
    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"DeepDsl.Generator\", \"1.0.0\")]";

    /// <summary>
    /// The one way a value from a spec reaches generated code: a C# string literal, written by Roslyn itself
    /// (every line terminator, quote, backslash, control character and lone surrogate escaped).
    /// </summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Number(double value)
    {
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        if (double.IsNaN(value)) return "double.NaN";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// The one way spec text reaches a comment (// or ///): on one line — every line terminator and control
    /// character becomes a space, so nothing can end the comment — and XML-escaped, for doc comments.
    /// </summary>
    public static string Xml(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) text.Append(c).Append(value[++i]);
            else if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c)) text.Append(' ');
            else if (c == '&') text.Append("&amp;");
            else if (c == '<') text.Append("&lt;");
            else if (c == '>') text.Append("&gt;");
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>
    /// A #line directive mapping generated code to a YAML line, or null when the file name holds a character a
    /// directive's file name cannot carry (a quote, a backslash, a control character): then the mapping is left out.
    /// </summary>
    public static string? LineDirective(int line, string file)
    {
        foreach (var c in file)
            if (c == '"' || c == '\\' || char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c)) return null;
        return "#line " + line.ToString(CultureInfo.InvariantCulture) + " \"" + file + "\"";
    }
}
