using System.Collections.Generic;
using System.Linq;
using System.Text;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Formatting;

/// <summary>
/// Rewrites a spec in the canonical style so experiment files diff cleanly: keys in the schema's order
/// (unknown keys last, as written), two-space block mappings for sections, one flow mapping per layer,
/// optimizer or schedule, flow lists of scalars; values and comments kept as written. Formatting the
/// result again changes nothing. What the spec means does not change (the resolved spec is equal).
/// </summary>
public static class SpecFormatter
{
    /// <summary>The formatted text, or null when the file does not parse (the diagnostics say why).</summary>
    public static string? Format(string file, string text, List<DslDiagnostic> diagnostics)
    {
        var root = YamlLoader.Load(file, text, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        var comments = new CommentMap(text);
        var output = new StringBuilder();
        if (root is YMapping mapping) Block(mapping, LanguageSchema.Experiment, 0, output, comments);
        else if (root is not null) output.Append(Flow(root, null)).Append('\n');
        foreach (var rest in comments.TakeRest()) output.Append(rest).Append('\n');
        return output.ToString();
    }

    private static void Block(YMapping mapping, Shape? shape, int indent, StringBuilder output, CommentMap comments)
    {
        var pad = new string(' ', indent);
        foreach (var (key, value) in Ordered(mapping, shape))
        {
            foreach (var comment in comments.TakeBefore(key.Location.StartLine)) output.Append(pad).Append(comment).Append('\n');
            var fieldShape = Field(shape, key.Text);
            output.Append(pad).Append(Key(key)).Append(':');
            var trailing = comments.TakeTrailing(key.Location.StartLine);
            if (value is YMapping child && child.Entries.Count > 0 && fieldShape is ObjectShape or FreeMapShape or null && !IsVariant(fieldShape))
            {
                output.Append(Trailing(trailing)).Append('\n');
                Block(child, fieldShape, indent + 2, output, comments);
            }
            else if (value is YSequence list && list.Items.Any(i => i is YMapping))
            {
                output.Append(Trailing(trailing)).Append('\n');
                foreach (var item in list.Items) Item(item, Element(fieldShape), indent + 2, output, comments);
            }
            else
            {
                output.Append(' ').Append(Flow(value, fieldShape));
                output.Append(Trailing(trailing ?? LastTrailing(value, comments))).Append('\n');
            }
        }
    }

    private static void Item(YNode item, Shape? shape, int indent, StringBuilder output, CommentMap comments)
    {
        var pad = new string(' ', indent);
        foreach (var comment in comments.TakeBefore(item.Location.StartLine)) output.Append(pad).Append(comment).Append('\n');
        var line = item is YMapping { Entries.Count: > 0 } first ? first.Entries[0].Key.Location.StartLine : item.Location.StartLine;
        var trailing = comments.TakeTrailing(line);
        if (item is YMapping repeat && repeat["repeat"] is not null && repeat["layers"] is YSequence body)
        {
            output.Append(pad).Append("- repeat: ").Append(Flow(repeat["repeat"]!, null)).Append(Trailing(trailing)).Append('\n');
            output.Append(pad).Append("  layers:").Append(Trailing(comments.TakeTrailing(repeat.KeyNode("layers")!.Location.StartLine))).Append('\n');
            foreach (var inner in body.Items) Item(inner, shape, indent + 4, output, comments);
            return;
        }
        if (item is YMapping { Entries.Count: 1 } block && block.Entries[0].Key.Text == "residual" && block.Entries[0].Value is YMapping settings &&
            settings["layers"] is YSequence)
        {
            // A residual block's body is layers like the model's: one per line, as repeat's are, not one long flow line.
            output.Append(pad).Append("- residual:").Append(Trailing(trailing)).Append('\n');
            var residual = Field(shape, "residual");
            foreach (var (key, value) in Ordered(settings, residual))
            {
                foreach (var comment in comments.TakeBefore(key.Location.StartLine)) output.Append(pad).Append("    ").Append(comment).Append('\n');
                var keyTrailing = comments.TakeTrailing(key.Location.StartLine);
                if (value is YSequence layers && key.Text == "layers")
                {
                    output.Append(pad).Append("    layers:").Append(Trailing(keyTrailing)).Append('\n');
                    foreach (var inner in layers.Items) Item(inner, shape, indent + 6, output, comments);
                    continue;
                }
                output.Append(pad).Append("    ").Append(Key(key)).Append(": ").Append(Flow(value, Field(residual, key.Text)))
                    .Append(Trailing(keyTrailing ?? LastTrailing(value, comments))).Append('\n');
            }
            return;
        }
        var text = item is YMapping { Entries.Count: 1 } single
            ? Key(single.Entries[0].Key) + ": " + Flow(single.Entries[0].Value, Field(shape, single.Entries[0].Key.Text))
            : Flow(item, shape);
        output.Append(pad).Append("- ").Append(text).Append(Trailing(trailing ?? LastTrailing(item, comments))).Append('\n');
    }

    /// <summary>A node on one line: scalars as written, lists and mappings in flow style, keys in schema order.</summary>
    private static string Flow(YNode node, Shape? shape) => node switch
    {
        YScalar scalar => Scalar(scalar),
        YSequence list => "[" + string.Join(", ", list.Items.Select(i => Flow(i, Element(shape)))) + "]",
        YMapping { Entries.Count: 0 } => "{}",
        YMapping mapping => "{ " + string.Join(", ", Ordered(mapping, shape).Select(e => Key(e.Key) + ": " + Flow(e.Value, Field(shape, e.Key.Text)))) + " }",
        _ => "null",
    };

    private static IEnumerable<(YScalar Key, YNode Value)> Ordered(YMapping mapping, Shape? shape)
    {
        var entries = mapping.Entries.Select((e, i) => (Key: e.Key, Value: e.Value, Index: i)).ToList();
        int Rank(string key)
        {
            if (shape is ObjectShape obj)
            {
                var index = obj.Fields.ToList().FindIndex(f => f.Key == key || f.Alias == key);
                return index < 0 ? int.MaxValue : index;
            }
            if (shape is VariantShape variants)
            {
                var inline = variants.Variants.FirstOrDefault(v => v.Inline && mapping[v.Name] is not null);
                if (inline is not null)
                {
                    var index = inline.Body.Fields.ToList().FindIndex(f => f.Key == key);
                    return index < 0 ? int.MaxValue : index;
                }
            }
            return int.MaxValue;
        }
        return entries.OrderBy(e => Rank(e.Key.Text)).ThenBy(e => e.Index).Select(e => (e.Key, e.Value));
    }

    private static Shape? Field(Shape? shape, string key) => shape switch
    {
        ObjectShape obj => obj.Find(key)?.Shape,
        VariantShape variants => variants.Find(key)?.Body ?? variants.Variants.FirstOrDefault(v => v.Inline)?.Body.Find(key)?.Shape,
        LayerReference => Field(LanguageSchema.Layer, key),
        _ => null,
    };

    private static Shape? Element(Shape? shape) => shape is ListShape list ? list.Item is LayerReference ? LanguageSchema.Layer : list.Item : null;

    private static bool IsVariant(Shape? shape) => shape is VariantShape or LayerReference;

    private static string Key(YScalar key) => key.Quoted ? YamlString.Quote(key.Text) : key.Text;

    private static string Scalar(YScalar scalar) => scalar.Quoted ? YamlString.Quote(scalar.Text) : scalar.Text.Length == 0 ? "null" : scalar.Text;


    private static string Trailing(string? comment) => comment is null ? "" : "  " + comment;

    // A value written over several lines (a multi-line flow mapping) may carry trailing comments on its later lines.
    private static string? LastTrailing(YNode value, CommentMap comments)
    {
        var parts = new List<string>();
        for (var line = value.Location.StartLine + 1; line <= LastLine(value); line++)
            if (comments.TakeTrailing(line) is { } comment) parts.Add(comment.TrimStart('#').Trim());
        return parts.Count == 0 ? null : "# " + string.Join("; ", parts);
    }

    private static int LastLine(YNode node) => node switch
    {
        YMapping m when m.Entries.Count > 0 => System.Math.Max(m.Entries[m.Entries.Count - 1].Key.Location.StartLine, LastLine(m.Entries[m.Entries.Count - 1].Value)),
        YSequence s when s.Items.Count > 0 => LastLine(s.Items[s.Items.Count - 1]),
        _ => node.Location.EndLine,
    };
}
