using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Shapes;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/hover: on a key, its doc, type and default from <see cref="LanguageSchema"/>; on a kind's name
/// (a layer, activation, initializer, optimizer…), its declaration's doc; on a layer's kind, also its settings with the
/// defaults filled in and, when the spec compiles, its output shape and parameter count (<see cref="ShapeInference"/>).
/// </summary>
internal static class HoverProvider
{
    public static JsonNode? Hover(OpenDocument document, int offset, Func<SpecCompilation> compile)
    {
        var spot = SyntaxSpot.At(YamlLoader.Load(document.Path, document.Text, []), offset);
        if (spot is null) return null;
        var place = SchemaSpot.Follow(spot.Path);
        string? text;
        if (spot.IsKey && place.Variant is { } kind)
            text = KindText(kind) + LayerText(document.Text, spot, compile);
        else if (spot.IsKey && place.Field is { } field)
            text = FieldText(field);
        else if (!spot.IsKey && SchemaSpot.Follow(spot.Path).Names(spot.Scalar.Text) is { } named)
            text = KindText(named) + LayerText(document.Text, spot, compile);
        else if (!spot.IsKey && place.Field is { } valueField)
            text = FieldText(valueField);
        else text = null;
        if (text is null) return null;
        var location = spot.Scalar.Location;
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text },
            ["range"] = DiagnosticsPublisher.Range(location.StartLine, location.StartColumn, location.EndLine, location.EndColumn),
        };
    }

    public static string FieldText(Field field)
    {
        var text = new StringBuilder($"**{field.Key}**: {field.Doc}\n\nType: {field.Shape.Expected}");
        if (field.Required) text.Append("\n\nRequired.");
        else if (field.Default is MonitorDefault monitor) text.Append($"\n\nDefault: {monitor.Described}");
        else if (field.Default is { } value and not IDictionary<string, object?>) text.Append($"\n\nDefault: `{CanonicalWriter.Scalar(value)}`");
        return text.ToString();
    }

    private static string KindText(Variant kind) => $"**{kind.Name}**: {kind.Doc}";

    /// <summary>For a layer's kind: its settings as the layer has them (written, else the default) and, once the spec compiles, its shape.</summary>
    private static string LayerText(string source, SyntaxSpot spot, Func<SpecCompilation> compile)
    {
        var item = LayerItem(spot);
        if (item is null) return "";
        var (path, mapping, variant) = item.Value;
        var text = new StringBuilder();
        var body = mapping?[variant.Name];
        var lines = variant.Body.Fields
            .Select(f => (f.Key, Value: Written(source, body, variant, f.Key) ?? (f.Default is { } d and not IDictionary<string, object?> ? CanonicalWriter.Scalar(d) : null)))
            .Where(f => f.Value is not null)
            .Select(f => $"{f.Key}: {f.Value}")
            .ToList();
        if (lines.Count > 0) text.Append("\n\n```yaml\n").Append(string.Join("\n", lines)).Append("\n```");
        var spec = compile().Spec;
        if (spec is null) return text.ToString();
        var shapes = ShapeInference.Infer(spec.Model);
        var copies = shapes.Layers.Where(l => l.Layer.Path == path).ToList();
        if (copies.Count == 0) return text.ToString();
        if (copies.Count == 1)
            return text.Append($"\n\nOutput shape: {copies[0].Output} · parameters: {Count(copies[0].Parameters)}").ToString();
        // A repeated layer: each copy, which may differ (the first takes the block's input).
        text.Append($"\n\n{copies.Count} copies:\n");
        foreach (var copy in copies.Take(MaxCopies)) text.Append($"\n- {copy.Layer.Name}: output {copy.Output}, {Count(copy.Parameters)} parameters");
        if (copies.Count > MaxCopies) text.Append("\n- …");
        return text.ToString();
    }

    private const int MaxCopies = 20;

    private static string Count(long parameters) => parameters.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A setting's text as written in the layer's body (`{units: 8}`, or the shorthand's value: `dropout: 0.2`), or null when it is not written.</summary>
    private static string? Written(string source, YNode? body, Variant variant, string key)
    {
        var node = body switch
        {
            YMapping settings => settings[key],
            YScalar { Kind: not ScalarKind.Null } value when variant.Shorthand == key => value,
            _ => null,
        };
        if (node is null) return null;
        if (node is YSequence { Items.Count: > 0 } block && source[block.Location.Start] != '[') return $"({block.Items.Count} {(block.Items.Count == 1 ? "item" : "items")})";
        var end = NodeExtent.EndOffset(node);
        // A flow mapping's text runs on to its closing braces, after its last scalar.
        var open = source[node.Location.Start..end].Count(c => c == '{') - source[node.Location.Start..end].Count(c => c == '}');
        for (; open > 0 && end < source.Length && source[end] is ' ' or '}'; end++)
            if (source[end] == '}') open--;
        return string.Join(" ", source[node.Location.Start..end].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The layer the spot is on: its key path as the binder writes it (model.layers[3]), its YAML item, and its kind.</summary>
    private static (string Path, YMapping? Item, Variant Kind)? LayerItem(SyntaxSpot spot)
    {
        // A layer item is an index into a `layers` list; its kind is the key after it, or the item itself when bare (`- flatten`).
        var i = spot.IsKey ? spot.Path.Count - 2 : spot.Path.Count - 1;
        if (i < 1 || spot.Path[i] is not int || spot.Path[i - 1] is not "layers") return null;
        var kindName = i + 1 < spot.Path.Count ? spot.Path[i + 1] as string : spot.Scalar.Text;
        if (kindName is null || LanguageSchema.Layer.Find(kindName) is not { } kind) return null;
        var item = spot.Ancestors.OfType<YMapping>().LastOrDefault(m => m.Entries.Any(e => e.Key.Text == kindName));
        return (Display(spot, i + 1), item, kind);
    }

    /// <summary>The key path as the binder writes it: an inline kind's other keys are under its name (`model.layers[0].repeat.layers[0]`).</summary>
    private static string Display(SyntaxSpot spot, int steps)
    {
        var text = new StringBuilder();
        for (var k = 0; k < steps; k++)
        {
            if (spot.Path[k] is int index)
            {
                text.Append('[').Append(index).Append(']');
                continue;
            }
            var key = (string)spot.Path[k];
            var inline = spot.Ancestors[k] is YMapping item
                ? LanguageSchema.Layer.Variants.FirstOrDefault(v => v.Inline && v.Name != key && item[v.Name] is not null)
                : null;
            if (inline is not null) text.Append('.').Append(inline.Name);
            text.Append(text.Length == 0 ? "" : ".").Append(key);
        }
        return text.ToString();
    }
}
