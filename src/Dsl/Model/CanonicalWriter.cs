using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DeepDsl.Dsl.Binding;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// Writes a resolved spec as canonical YAML: schema key order, defaults explicit, repeats expanded,
/// sections in block style, each layer, optimizer or schedule as one flow mapping; null settings
/// (features that are off) are left out. The text is what runs record and what the content hash covers.
/// </summary>
public static class CanonicalWriter
{
    private static readonly Regex PlainString = new Regex(@"^[A-Za-z_][A-Za-z0-9_./:-]*$", RegexOptions.CultureInvariant);

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

    private static string Flow(BValue value) => value switch
    {
        BScalar scalar => Scalar(scalar.Value),
        BList list => "[" + string.Join(", ", list.Items.Select(Flow)) + "]",
        BVariant variant => variant.Settings.Fields.All(f => f.Value is BScalar { Value: null })
            ? variant.Kind
            : "{ " + variant.Kind + ": " + FlowObject(variant.Settings) + " }",
        BObject obj => FlowObject(obj),
        _ => "null",
    };

    private static string FlowObject(BObject obj)
    {
        var parts = obj.Fields.Where(f => f.Value is not BScalar { Value: null }).Select(f => f.Key + ": " + Flow(f.Value)).ToList();
        return parts.Count == 0 ? "{}" : "{ " + string.Join(", ", parts) + " }";
    }

    public static string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        string s => PlainString.IsMatch(s) && !IsReserved(s) ? s : Quote(s),
        _ => Quote(value.ToString() ?? ""),
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

    private static bool IsReserved(string s) =>
        s is "null" or "Null" or "NULL" or "~" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" ||
        s.StartsWith(".", System.StringComparison.Ordinal);

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
}
