using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DeepDsl.Dsl.Schema;

/// <summary>
/// Writes the JSON Schema (draft 2020-12) of the language from <see cref="LanguageSchema"/> — the same
/// model the binder validates against — so editors complete and check keys (yaml-language-server).
/// </summary>
public static class JsonSchemaWriter
{
    public static string Write()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        text.Append("  \"$id\": \"https://deepdsl.dev/schema/deepdsl.schema.json\",\n");
        text.Append("  \"title\": \"DeepDsl experiment\",\n");
        text.Append("  \"$defs\": { \"layer\": ").Append(Shape(LanguageSchema.Layer)).Append(" },\n");
        var root = Shape(LanguageSchema.Experiment);
        text.Append("  ").Append(root.Substring(1)).Append('\n');
        return text.ToString();
    }

    private static string Shape(Shape shape) => shape switch
    {
        ObjectShape o => Object(o),
        VariantShape v => Variant(v),
        LayerReference => "{ \"$ref\": \"#/$defs/layer\" }",
        ListShape l => $"{{ \"type\": \"array\", \"items\": {Shape(l.Item)}{(l.MinItems > 0 ? $", \"minItems\": {l.MinItems}" : "")} }}",
        BoolShape => "{ \"type\": \"boolean\" }",
        IntShape i => "{ \"type\": \"integer\"" + (i.Min is { } min ? $", \"minimum\": {min}" : "") + (i.Max is { } max ? $", \"maximum\": {max}" : "") + " }",
        NumberShape n => "{ \"type\": \"number\"" +
                         (n.Min is { } min ? $", \"{(n.MinExclusive ? "exclusiveMinimum" : "minimum")}\": {Number(min)}" : "") +
                         (n.Max is { } max ? $", \"{(n.MaxExclusive ? "exclusiveMaximum" : "maximum")}\": {Number(max)}" : "") + " }",
        StringShape s => s.Values is null ? "{ \"type\": \"string\" }" : "{ \"enum\": [" + string.Join(", ", s.Values.Select(Quote)) + "] }",
        _ => "{}",
    };

    private static string Object(ObjectShape o)
    {
        var properties = o.Fields.SelectMany(f => f.Alias is null ? new[] { (f.Key, f) } : new[] { (f.Key, f), (f.Alias, f) })
            .Select(p => $"{Quote(p.Item1)}: {Property(p.f)}");
        var required = o.Fields.Where(f => f.Required).Select(f => Quote(f.Key)).ToList();
        return "{ \"type\": \"object\", \"additionalProperties\": false, \"properties\": { " + string.Join(", ", properties) + " }" +
               (required.Count > 0 ? ", \"required\": [" + string.Join(", ", required) + "]" : "") + " }";
    }

    private static string Property(Field f)
    {
        var shape = Shape(f.Shape);
        var body = f.Nullable || f.Default is null && !f.Required ? $"{{ \"anyOf\": [{shape}, {{ \"type\": \"null\" }}]" : shape.Substring(0, shape.Length - 1).TrimEnd();
        var separator = body.EndsWith("{", System.StringComparison.Ordinal) ? " " : ", ";
        return body + separator + "\"description\": " + Quote(f.Doc) + " }";
    }

    private static string Variant(VariantShape v)
    {
        var options = new List<string>();
        var bare = v.Variants.Where(k => k.AllowBare && !k.Inline).Select(k => Quote(k.Name)).ToList();
        if (bare.Count > 0) options.Add("{ \"enum\": [" + string.Join(", ", bare) + "] }");
        foreach (var kind in v.Variants)
        {
            if (kind.Inline)
            {
                options.Add(Object(kind.Body));
                continue;
            }
            var body = Object(kind.Body);
            var value = kind.Shorthand is { } shorthand
                ? $"{{ \"anyOf\": [{body}, {Shape(kind.Body.Find(shorthand)!.Shape)}] }}"
                : kind.AllowBare ? $"{{ \"anyOf\": [{body}, {{ \"type\": \"null\" }}] }}" : body;
            options.Add($"{{ \"type\": \"object\", \"additionalProperties\": false, \"properties\": {{ {Quote(kind.Name)}: {value} }}, \"required\": [{Quote(kind.Name)}], \"description\": {Quote(kind.Doc)} }}");
        }
        return "{ \"oneOf\": [" + string.Join(", ", options) + "] }";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
