using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// Writes a resolved spec as canonical YAML: schema key order, defaults explicit, repeats expanded,
/// sections in block style, each layer, optimizer or schedule as one flow mapping; null settings
/// (features that are off) are left out. The text is what runs record and what the content hash covers.
/// </summary>
public static class CanonicalWriter
{
    public static string Write(BObject root)
    {
        var text = new StringBuilder();
        WriteBlock(root, text, 0);
        return text.ToString();
    }

    private static void WriteBlock(BObject obj, StringBuilder text, int indent)
    {
        foreach (var field in obj.Fields)
        {
            if (field.Value is BScalar { Value: null }) continue;
            var pad = new string(' ', indent);
            switch (field.Value)
            {
                case BObject section when section.Fields.Any(f => f.Value is not BScalar { Value: null }):
                    text.Append(pad).Append(field.Key).Append(":\n");
                    WriteBlock(section, text, indent + 2);
                    break;
                case BObject:
                    text.Append(pad).Append(field.Key).Append(": {}\n");
                    break;
                case BList list when list.Items.Any(i => i is BVariant):
                    text.Append(pad).Append(field.Key).Append(":\n");
                    foreach (var item in list.Items) text.Append(pad).Append("  - ").Append(Flow(item)).Append('\n');
                    break;
                case BVariant variant when variant.Settings.Fields.Any(f => f.Value is not BScalar { Value: null }):
                    text.Append(pad).Append(field.Key).Append(":\n").Append(pad).Append("  ").Append(variant.Kind).Append(": ")
                        .Append(FlowObject(variant.Settings)).Append('\n');
                    break;
                default:
                    text.Append(pad).Append(field.Key).Append(": ").Append(Flow(field.Value)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>One value as canonical flow YAML (`0.001`, `selu`, `[1, 2]`, `{ adam: { learning_rate: 0.001 } }`).</summary>
    public static string FlowText(BValue value) => Flow(value);

    private static string Flow(BValue value)
    {
        var text = new StringBuilder();
        Flow(value, text);
        return text.ToString();
    }

    private static string FlowObject(BObject obj)
    {
        var text = new StringBuilder();
        FlowObject(obj, text);
        return text.ToString();
    }

    private static void Flow(BValue value, StringBuilder text)
    {
        switch (value)
        {
            case BScalar scalar:
                text.Append(Scalar(scalar.Value));
                break;
            case BList list:
                text.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Flow(list.Items[i], text);
                }
                text.Append(']');
                break;
            case BVariant variant when IsEmpty(variant.Settings):
                text.Append(variant.Kind);
                break;
            case BVariant variant:
                text.Append("{ ").Append(variant.Kind).Append(": ");
                FlowObject(variant.Settings, text);
                text.Append(" }");
                break;
            case BObject obj:
                FlowObject(obj, text);
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void FlowObject(BObject obj, StringBuilder text)
    {
        if (IsEmpty(obj))
        {
            text.Append("{}");
            return;
        }
        text.Append("{ ");
        var first = true;
        foreach (var field in obj.Fields)
        {
            if (field.Value is BScalar { Value: null }) continue;
            if (!first) text.Append(", ");
            first = false;
            text.Append(field.Key).Append(": ");
            Flow(field.Value, text);
        }
        text.Append(" }");
    }

    private static bool IsEmpty(BObject obj)
    {
        foreach (var field in obj.Fields)
            if (field.Value is not BScalar { Value: null }) return false;
        return true;
    }

    public static string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        string s => IsPlain(s) && !IsReserved(s) ? s : YamlString.Quote(s),
        _ => YamlString.Quote(value.ToString() ?? ""),
    };

    /// <summary>A float that reads back as a float: always with a '.' or an exponent.</summary>
    public static string Number(double value)
    {
        if (double.IsPositiveInfinity(value)) return ".inf";
        if (double.IsNegativeInfinity(value)) return "-.inf";
        if (double.IsNaN(value)) return ".nan";
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.Contains(".") || text.Contains("e") ? text : text + ".0";
    }

    // [A-Za-z_][A-Za-z0-9_./:-]*: a string that reads back as itself without quotes.
    private static bool IsPlain(string s)
    {
        if (s.Length == 0 || !(char.IsLetter(s[0]) && s[0] < 128 || s[0] == '_')) return false;
        foreach (var c in s)
            if (!(c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or '-'))) return false;
        return true;
    }

    private static bool IsReserved(string s) =>
        s is "null" or "Null" or "NULL" or "~" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" ||
        s.StartsWith(".", System.StringComparison.Ordinal);

}
