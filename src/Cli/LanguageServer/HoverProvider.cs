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
            text = KindText(kind) + LayerText(spot, compile);
        else if (spot.IsKey && place.Field is { } field)
            text = FieldText(field);
        else if (!spot.IsKey && SchemaSpot.Follow(spot.Path).Names(spot.Scalar.Text) is { } named)
            text = KindText(named) + LayerText(spot, compile);
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
        else if (field.Default is { } value and not IDictionary<string, object?>) text.Append($"\n\nDefault: `{CanonicalWriter.Scalar(value)}`");
        return text.ToString();
    }

    private static string KindText(Variant kind) => $"**{kind.Name}**: {kind.Doc}";

    /// <summary>For a layer's kind: its settings as the layer has them (written, else the default) and, once the spec compiles, its shape.</summary>
    private static string LayerText(SyntaxSpot spot, Func<SpecCompilation> compile)
    {
        var item = LayerItem(spot);
        if (item is null) return "";
        var (path, mapping, variant) = item.Value;
        var text = new StringBuilder();
        var written = mapping?[variant.Name] is YMapping settings ? settings : null;
        var lines = variant.Body.Fields
            .Select(f => (f.Key, Value: written?[f.Key] is YScalar s ? s.Text : f.Default is { } d and not IDictionary<string, object?> ? CanonicalWriter.Scalar(d) : null))
            .Where(f => f.Value is not null)
            .Select(f => $"{f.Key}: {f.Value}")
            .ToList();
        if (lines.Count > 0) text.Append("\n\n```yaml\n").Append(string.Join("\n", lines)).Append("\n```");
        var spec = compile().Spec;
        if (spec is null) return text.ToString();
        var shapes = ShapeInference.Infer(spec.Model);
        var copies = shapes.Layers.Where(l => l.Layer.Path == path).ToList();
        if (copies.Count == 0) return text.ToString();
        text.Append($"\n\nOutput shape: {copies[0].Output} · parameters: {copies[0].Parameters.ToString("N0", CultureInfo.InvariantCulture)}");
        if (copies.Count > 1) text.Append($" · {copies.Count} copies ({string.Join(", ", copies.Select(c => c.Layer.Name))})");
        return text.ToString();
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
        return (Display(spot.Path.Take(i + 1)), item, kind);
    }

    private static string Display(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var step in path)
            if (step is int index) text.Append('[').Append(index).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(step);
        return text.ToString();
    }
}
