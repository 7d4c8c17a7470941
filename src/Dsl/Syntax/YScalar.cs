using System;
using System.Globalization;
using System.Text.RegularExpressions;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Syntax;

/// <summary>
/// A scalar. Its type is fixed by how it is written (YAML 1.2 core schema): `2` is an int, `'2'` a
/// string, `yes` a string — nothing is coerced later.
/// </summary>
public sealed class YScalar : YNode
{
    private static readonly Regex IntPattern = new Regex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new Regex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public YScalar(string text, bool quoted, SourceLocation location) : base(location)
    {
        Text = text;
        Quoted = quoted;
        Kind = quoted ? ScalarKind.String : Resolve(text);
    }

    public string Text { get; }

    public bool Quoted { get; }

    public ScalarKind Kind { get; }

    public override long ExpandedSize => 1;

    public override string KindName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "a boolean",
        ScalarKind.Int => "an integer",
        ScalarKind.Float => "a number",
        _ => Quoted ? "a quoted string" : "a string",
    };

    public bool AsBool() => Text.Equals("true", StringComparison.OrdinalIgnoreCase);

    public long AsInt() => long.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public double AsNumber() => Text.ToLowerInvariant() switch
    {
        ".inf" or "+.inf" => double.PositiveInfinity,
        "-.inf" => double.NegativeInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static ScalarKind Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE": return ScalarKind.Bool;
            case ".inf" or "+.inf" or "-.inf" or ".Inf" or "-.Inf" or ".INF" or "-.INF" or ".nan" or ".NaN" or ".NAN": return ScalarKind.Float;
        }
        if (IntPattern.IsMatch(text)) return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ScalarKind.Int : ScalarKind.Float;
        return FloatPattern.IsMatch(text) ? ScalarKind.Float : ScalarKind.String;
    }
}
