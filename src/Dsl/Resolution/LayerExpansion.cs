using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Expands `repeat` blocks and gives every layer its stable name: the `name:` the spec gives, or
/// kind_n counting each kind in the expanded order (dense_1 … dense_20), as Keras names layers.
/// Expanded layers keep the key path of the YAML that declared them.
/// </summary>
public static class LayerExpansion
{
    public const int MaxLayers = 10_000;

    public static BList Expand(BList layers, List<DslDiagnostic> diagnostics)
    {
        var flat = new List<BVariant>();
        Flatten(layers, flat, diagnostics);
        var counts = new Dictionary<string, int>();
        var used = new HashSet<string>();
        var named = new List<BValue>();
        foreach (var layer in flat)
        {
            counts[layer.Kind] = counts.TryGetValue(layer.Kind, out var n) ? n + 1 : 1;
            var given = layer.Settings.StringOrNull("name");
            var name = given ?? $"{layer.Kind}_{counts[layer.Kind]}";
            var nameLocation = layer.Settings["name"].Location;
            if (given is not null && !IsIdentifier(given))
                diagnostics.Add(new DslDiagnostic(Descriptors.LayerName.Id, Descriptors.LayerName.DefaultSeverity,
                    $"{layer.Path}.{layer.Kind}.name: '{given}' is not a valid layer name: use letters, digits and underscores, starting with a letter", nameLocation));
            else if (!used.Add(name))
                diagnostics.Add(new DslDiagnostic(Descriptors.LayerName.Id, Descriptors.LayerName.DefaultSeverity,
                    $"{layer.Path}.{layer.Kind}.name: another layer is already named '{name}'" +
                    (given is null ? "" : " (a repeated layer with a name repeats the name: drop it, the copies get kind_n names)"), nameLocation));
            var settings = layer.Settings with
            {
                Fields = layer.Settings.Fields.Select(f => f.Key == "name"
                    ? new KeyValuePair<string, BValue>("name", new BScalar(name, f.Value.Path, f.Value.Location, given is null))
                    : f).ToList(),
            };
            named.Add(layer with { Settings = settings });
        }
        return layers with { Items = named };
    }

    private static void Flatten(BList layers, List<BVariant> into, List<DslDiagnostic> diagnostics)
    {
        foreach (var item in layers.Items.Cast<BVariant>())
        {
            if (item.Kind != "repeat")
            {
                into.Add(item);
                continue;
            }
            var count = item.Settings.Int("repeat");
            var body = (BList)item.Settings["layers"];
            for (var i = 0; i < count; i++)
            {
                if (into.Count > MaxLayers)
                {
                    diagnostics.Add(new DslDiagnostic(Descriptors.OutOfRange.Id, Descriptors.OutOfRange.DefaultSeverity,
                        $"{item.Path}: repeat expands to more than {MaxLayers:N0} layers", item.Location));
                    return;
                }
                Flatten(body, into, diagnostics);
            }
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_') && name.All(c => c < 128);
}
