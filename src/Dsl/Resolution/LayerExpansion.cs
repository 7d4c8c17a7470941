using System;
using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Naming;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Expands `repeat` blocks and gives every layer its stable name: the `name:` the spec gives, or
/// kind_n counting each kind in the expanded order (dense_1 … dense_20), as Keras names layers.
/// Expanded layers keep the key path of the YAML that declared them.
/// </summary>
public static class LayerExpansion
{
    public const int MaxLayers = 10_000;

    /// <param name="experimentName">The spec's (valid) name: a layer may not take the name of the model class made from it.</param>
    public static BList Expand(BList layers, string experimentName, List<DslDiagnostic> diagnostics)
    {
        var flat = new List<BVariant>();
        Flatten(layers, flat, diagnostics);
        var counts = new Dictionary<string, int>();
        // By C# identifier, not by name: dense-1 and dense_1 would both become the property Dense1.
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        var named = new List<BValue>();
        foreach (var layer in flat)
        {
            counts[layer.Kind] = counts.TryGetValue(layer.Kind, out var n) ? n + 1 : 1;
            var given = layer.Settings.StringOrNull("name");
            var name = given ?? $"{layer.Kind}_{counts[layer.Kind]}";
            var nameLocation = layer.Settings["name"].Location;
            var identifier = Names.Identifier(name);
            if (used.TryGetValue(identifier, out var other))
                Report(diagnostics, nameLocation, $"{layer.Path}.{layer.Kind}.name: another layer is already named '{other}'" +
                    (other == name ? "" : $" (both become the property {identifier})") +
                    (given is null || other != name ? "" : " (a repeated layer with a name repeats the name: drop it, the copies get kind_n names)"));
            else if (Names.IsReservedLayerIdentifier(identifier, experimentName))
                Report(diagnostics, nameLocation, $"{layer.Path}.{layer.Kind}.name: '{name}' would become {identifier}, a name the generated model class already uses; choose another");
            else used[identifier] = name;
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

    private static void Report(List<DslDiagnostic> diagnostics, SourceLocation at, string message) =>
        diagnostics.Add(new DslDiagnostic(Descriptors.InvalidName.Id, Descriptors.InvalidName.DefaultSeverity, message, at));

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
}
