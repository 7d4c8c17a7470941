using System.Text.Json.Nodes;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/documentSymbol: the layers of `model.layers` as written (the outline works while the spec has
/// errors), each named by its `name:` or its kind, with the layers of `repeat` and `residual` blocks as children.
/// </summary>
internal static class DocumentSymbols
{
    // LSP's SymbolKind: a layer is a Class (it becomes one), a repeat or residual block a Namespace around its layers.
    private const int LayerSymbol = 5, BlockSymbol = 3;

    public static JsonArray Symbols(OpenDocument document)
    {
        var root = YamlLoader.Load(document.Path, document.Text, []) as YMapping;
        return (root?["model"] as YMapping)?["layers"] is YSequence layers ? Layers(layers) : [];
    }

    private static JsonArray Layers(YSequence layers) => new(layers.Items.Select(Symbol).Where(s => s is not null).ToArray());

    private static JsonNode? Symbol(YNode item)
    {
        switch (item)
        {
            case YScalar bare when bare.Text.Length > 0:
                return Make(bare.Text, bare.Text, LayerSymbol, bare, bare.Location, null);
            case YMapping mapping when mapping.Entries.Count > 0:
                var (key, value) = mapping.Entries[0];
                if (mapping["repeat"] is { } times)
                    return Make($"repeat {(times as YScalar)?.Text}", "repeat", BlockSymbol, mapping, key.Location,
                        mapping["layers"] is YSequence repeated ? Layers(repeated) : null);
                var settings = value as YMapping;
                var name = (settings?["name"] as YScalar)?.Text ?? key.Text;
                return Make(name, key.Text, key.Text == "residual" ? BlockSymbol : LayerSymbol, mapping, key.Location,
                    settings?["layers"] is YSequence body ? Layers(body) : null);
            default:
                return null;
        }
    }

    private static JsonObject Make(string name, string detail, int kind, YNode node, SourceLocation selection, JsonArray? children)
    {
        var range = node.Location;
        var end = NodeExtent.LastScalar(node);
        var symbol = new JsonObject
        {
            ["name"] = name,
            ["detail"] = detail,
            ["kind"] = kind,
            ["range"] = DiagnosticsPublisher.Range(range.StartLine, range.StartColumn, end.EndLine, end.EndColumn),
            ["selectionRange"] = DiagnosticsPublisher.Range(selection.StartLine, selection.StartColumn, selection.EndLine, selection.EndColumn),
        };
        if (children is not null) symbol["children"] = children;
        return symbol;
    }
}
