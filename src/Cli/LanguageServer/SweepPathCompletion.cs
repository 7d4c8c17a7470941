using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Sweeps;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// Completion of a sweep parameter's path, a key of `sweep: parameters:` (docs/language.md, "Sweeps"): after
/// `model.layers[`, the names of the spec's layers (<see cref="SweepLayers"/>); after `model.layers[name].`, the
/// settings of that layer's kind (of every kind a wildcard matches); after `model.layers[block].layers[`, the names of
/// the layers in that residual block's body, and so on at any depth. The names come from the document's last
/// compilation that had a spec, since the line being typed rarely leaves the spec valid.
/// </summary>
internal static partial class SweepPathCompletion
{
    // LSP's CompletionItemKind.
    private const int PropertyItem = 10, ReferenceItem = 18;

    /// <summary>The items, or null when the cursor is not in a sweep parameter's path (other completion applies).</summary>
    public static IReadOnlyList<JsonNode>? Items(string text, int offset, ExperimentSpec? spec)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var prefix = text[lineStart..offset];
        var indent = prefix.Length - prefix.TrimStart(' ').Length;
        var typed = prefix[indent..];
        Match match;
        if (!(match = LayerName().Match(typed)).Success && !(match = LayerSetting().Match(typed)).Success) return null;
        // The key's place, read at its first column (the path itself is not YAML the context reader follows).
        if (CursorContext.At(text, lineStart + indent) is not { ValueOf: null, Owner: ["sweep", "parameters"] }) return null;
        if (spec is null) return [];

        var partial = match.Groups["partial"];
        var (line, character) = TextPosition.PositionOf(text, offset);
        JsonObject Replaced() => DiagnosticsPublisher.Range(line, character - partial.Length, line, character);
        // The blocks typed before the last brackets (`[residual_1].layers[`): their bodies are where the names are looked up.
        var chain = match.Groups["block"].Captures.Select(c => new ParameterPath.Layers(c.Value)).ToList();
        // Every layer of the innermost scope (the spec's top level when no block is typed).
        if (!match.Groups["pattern"].Success)
            return SweepLayers.Reached(spec, [.. chain, new ParameterPath.Layers("*")])
                .Select((layer, i) => Item(layer.Name, ReferenceItem, layer.Kind, i, Replaced(), layer.Name + "].")).ToList();

        var fields = SweepLayers.Reached(spec, [.. chain, new ParameterPath.Layers(match.Groups["pattern"].Value)])
            .SelectMany(l => LanguageSchema.Layer.Find(l.Kind)?.Body.Fields ?? [])
            .Where(f => f.Key != "name") // a trial keeps its layers' names: later paths and the run's records use them
            .DistinctBy(f => f.Key);
        // A block's body goes on with the names of its layers in brackets, not with a value.
        return fields.Select((f, i) => Item(f.Key, PropertyItem, f.Shape.Expected, i, Replaced(), f.Key + (f.Key == SweepLayers.BodyKey ? "[" : ": "),
            HoverProvider.FieldText(f))).ToList();
    }

    private static JsonObject Item(string label, int kind, string detail, int order, JsonObject range, string newText, string? documentation = null)
    {
        var item = new JsonObject
        {
            ["label"] = label,
            ["kind"] = kind,
            ["detail"] = detail,
            ["sortText"] = order.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            ["textEdit"] = new JsonObject { ["range"] = range, ["newText"] = newText },
        };
        if (documentation is not null) item["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = documentation };
        return item;
    }

    // The brackets hold ParameterPath's layer pattern: while typed, any start of one; then the settings' key being typed.
    // Blocks before them (`[residual_1].layers`, any number) lead into a body.
    private const string Blocks = @"^model\.layers(?:\[(?<block>" + ParameterPath.LayerPattern + @")\]\." + SweepLayers.BodyKey + ")*";

    [GeneratedRegex(Blocks + @"\[(?<partial>(?:" + ParameterPath.LayerPattern + @")?)$")]
    private static partial Regex LayerName();

    [GeneratedRegex(Blocks + @"\[(?<pattern>" + ParameterPath.LayerPattern + @")\]\.(?<partial>[A-Za-z0-9_]*)$")]
    private static partial Regex LayerSetting();
}
