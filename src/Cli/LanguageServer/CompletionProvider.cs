using System.Text.Json.Nodes;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/completion from <see cref="LanguageSchema"/>: after `key:`, the values it takes (enum values, the kinds
/// of a layer, activation, initializer, optimizer…); at a key's place, the keys of that mapping not yet written; at a
/// new item of `layers`, the layer kinds. Initializers are ordered by fit with the layer's activation: LeCun first for
/// SELU, He for the ReLU family, Glorot for saturating ones (what the DDSL101/202/203 rules ask for). A sweep
/// parameter's path is completed by <see cref="SweepPathCompletion"/>.
/// </summary>
internal static class CompletionProvider
{
    // LSP's CompletionItemKind.
    private const int PropertyItem = 10, EnumMemberItem = 20, ClassItem = 7;

    /// <param name="lastSpec">The document's last spec that compiled, for the names of its layers in sweep paths.</param>
    public static JsonNode Complete(OpenDocument document, int offset, ExperimentSpec? lastSpec)
    {
        var items = SweepPathCompletion.Items(document.Text, offset, lastSpec)
            ?? (CursorContext.At(document.Text, offset) is { } context ? Items(context) : []);
        return new JsonObject { ["isIncomplete"] = false, ["items"] = new JsonArray(items.ToArray()) };
    }

    private static IEnumerable<JsonNode> Items(CursorContext context)
    {
        var owner = SchemaSpot.Follow(context.Owner);
        if (context.ValueOf is { } key)
            return Values(SchemaSpot.Concrete(owner.Step(key).Shape), context);
        return SchemaSpot.Concrete(owner.Shape) switch
        {
            ObjectShape obj => obj.Fields.Where(f => !context.Siblings.ContainsKey(f.Key) && (f.Alias is null || !context.Siblings.ContainsKey(f.Alias)) && Applies(obj, f, context))
                .Select((f, i) => Item(f.Key, PropertyItem, f.Shape.Expected, HoverProvider.FieldText(f), i, f.Key + ": ")),
            VariantShape kinds when context.ListItem => Kinds(kinds, ClassItem, _ => 0),
            _ => [],
        };
    }

    /// <summary>Whether a key means something beside the selector's written value (`x_train` only for `dataset: npy`).</summary>
    private static bool Applies(ObjectShape shape, Field field, CursorContext context) =>
        field.AppliesTo is null || shape.Selector is null || !context.Siblings.TryGetValue(shape.Selector, out var selected) || field.AppliesTo.Contains(selected);

    private static IEnumerable<JsonNode> Values(Shape? shape, CursorContext context) => shape switch
    {
        VariantShape kinds when kinds == LanguageSchema.Initializer => Kinds(kinds, EnumMemberItem, v => Fit(v, context.Siblings)),
        VariantShape kinds => Kinds(kinds, kinds == LanguageSchema.Layer ? ClassItem : EnumMemberItem, _ => 0),
        StringShape { Values: { } values } => values.Select((v, i) => Item(v, EnumMemberItem, null, null, i)),
        BoolShape => [Item("true", EnumMemberItem, null, null, 0), Item("false", EnumMemberItem, null, null, 1)],
        _ => [],
    };

    private static IEnumerable<JsonNode> Kinds(VariantShape kinds, int itemKind, Func<Variant, int> rank) =>
        kinds.Variants.Where(v => v.AliasOf is null)
            .Select((v, i) => (Variant: v, Order: rank(v) * 1000 + i))
            .Select(x => Item(x.Variant.Name, itemKind, kinds.Name, x.Variant.Doc, x.Order));

    /// <summary>0 for the initializers that fit the layer's activation (its `activation:` beside the cursor, else linear), 1 for the rest.</summary>
    private static int Fit(Variant initializer, IReadOnlyDictionary<string, string> siblings)
    {
        var activation = siblings.TryGetValue("activation", out var written) ? Activations.Registry.All.FirstOrDefault(a => a.Name == written) : null;
        var wanted = activation?.Family switch
        {
            ActivationFamily.SelfNormalizing => VarianceScaling.LeCun,
            ActivationFamily.Relu => VarianceScaling.He,
            ActivationFamily.Saturating or ActivationFamily.Distribution => VarianceScaling.Glorot,
            ActivationFamily.Linear or null => VarianceScaling.None,
            _ => throw new UnknownKindException("activation family", activation.Family.ToString(), nameof(CompletionProvider)),
        };
        var declaration = Initializers.Registry.All.FirstOrDefault(d => d.Name == initializer.Name);
        if (wanted == VarianceScaling.None || declaration is null) return 0;
        // Within the fitting pair, the normal one first: SELU's proof is for lecun_normal (DDSL108 warns on the uniform one).
        return declaration.Scaling == wanted ? (declaration.Distribution == InitializerDistribution.TruncatedNormal ? 0 : 1) : 2;
    }

    private static JsonObject Item(string label, int kind, string? detail, string? documentation, int order, string? insert = null)
    {
        var item = new JsonObject { ["label"] = label, ["kind"] = kind, ["sortText"] = order.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) };
        if (detail is not null) item["detail"] = detail;
        if (documentation is not null) item["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = documentation };
        if (insert is not null) item["insertText"] = insert;
        return item;
    }
}
