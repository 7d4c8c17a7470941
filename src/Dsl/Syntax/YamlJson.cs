using System.Globalization;
using System.Linq;
using System.Text;

namespace DeepDsl.Dsl.Syntax;

/// <summary>A YAML tree as JSON (scalars typed as the core schema reads them), for checking specs with JSON Schema tools.</summary>
public static class YamlJson
{
    public static string Write(YNode? node) => node switch
    {
        null => "null",
        YMapping m => "{" + string.Join(",", m.Entries.Select(e => Quote(e.Key.Text) + ":" + Write(e.Value))) + "}",
        YSequence s => "[" + string.Join(",", s.Items.Select(Write)) + "]",
        YScalar { Kind: ScalarKind.Null } => "null",
        YScalar { Kind: ScalarKind.Bool } b => b.AsBool() ? "true" : "false",
        YScalar { Kind: ScalarKind.Int } i => i.AsInt().ToString(CultureInfo.InvariantCulture),
        YScalar { Kind: ScalarKind.Float } f => !double.IsNaN(f.AsNumber()) && !double.IsInfinity(f.AsNumber()) ? f.AsNumber().ToString("R", CultureInfo.InvariantCulture) : Quote(f.Text),
        YScalar s => Quote(s.Text),
        _ => "null",
    };

    private static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
            json.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c < ' ' ? $"\\u{(int)c:x4}" : c.ToString() });
        return json.Append('"').ToString();
    }
}
