using System;
using System.Globalization;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Syntax;

/// <summary>
/// A scalar. Its type is fixed by how it is written (YAML 1.2 core schema): `2` is an int, `'2'` a
/// string, `yes` a string — nothing is coerced later.
/// </summary>
public sealed class YScalar : YNode
{
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
        return NumberKind(text);
    }

    // YAML 1.2 core schema: int is [-+]?[0-9]+, float is [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?.
    // Checked by hand: this runs for every plain scalar of every spec, and a regex here dominated parsing.
    private static ScalarKind NumberKind(string text)
    {
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
        var integerDigits = Digits(text, ref i);
        if (i == text.Length && integerDigits > 0)
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ScalarKind.Int : ScalarKind.Float;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = Digits(text, ref i);
        }
        if (integerDigits == 0 && fractionDigits == 0) return ScalarKind.String;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
            if (Digits(text, ref i) == 0) return ScalarKind.String;
        }
        return i == text.Length ? ScalarKind.Float : ScalarKind.String;
    }

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
        return i - start;
    }
}
