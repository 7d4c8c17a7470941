using System;
using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Naming;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Expands `repeat` blocks (also inside `residual` blocks, which stay nested) and gives every layer its stable name: the `name:` the spec gives, or
/// kind_n counting each kind in the expanded order (dense_1 … dense_20), as Keras names layers.
/// Expanded layers keep the key path of the YAML that declared them.
/// </summary>
public static class LayerExpansion
{
    public const int MaxLayers = 10_000;

    /// <param name="experimentName">The spec's (valid) name: a layer may not take the name of the model class made from it.</param>
    public static BList Expand(BList layers, string experimentName, List<DslDiagnostic> diagnostics)
    {
        var count = 0;
        var expanded = Flatten(layers, ref count, diagnostics);
        var naming = new Naming(experimentName, diagnostics);
        return naming.Name(expanded);
    }

    /// <summary>Gives names in forward order; one instance per model, since names are unique across nested blocks.</summary>
    private sealed class Naming(string experimentName, List<DslDiagnostic> diagnostics)
    {
        private readonly Dictionary<string, int> counts = new();
        // By C# identifier, not by name: dense-1 and dense_1 would both become the property Dense1.
        private readonly Dictionary<string, string> used = new(StringComparer.Ordinal);

        public BList Name(BList layers) => layers with { Items = layers.Items.Cast<BVariant>().Select(Name).ToList<BValue>() };

        private BVariant Name(BVariant layer)
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
                    : f.Key == "layers" && layer.Kind == "residual" ? new KeyValuePair<string, BValue>("layers", Name((BList)f.Value))
                    : f).ToList(),
            };
            return layer with { Settings = settings };
        }
    }

    private static void Report(List<DslDiagnostic> diagnostics, SourceLocation at, string message) =>
        diagnostics.Add(new DslDiagnostic(Descriptors.InvalidName.Id, Descriptors.InvalidName.DefaultSeverity, message, at));

    /// <summary>Repeats expanded in place, residual bodies expanded inside their block; <paramref name="count"/> counts every layer made, to cap them.</summary>
    private static BList Flatten(BList layers, ref int count, List<DslDiagnostic> diagnostics)
    {
        var into = new List<BValue>();
        foreach (var item in layers.Items.Cast<BVariant>())
        {
            if (count > MaxLayers) break;
            if (item.Kind == "residual")
            {
                var body = Flatten((BList)item.Settings["layers"], ref count, diagnostics);
                count++;
                into.Add(item with { Settings = item.Settings with { Fields = item.Settings.Fields.Select(f => f.Key == "layers" ? new KeyValuePair<string, BValue>("layers", body) : f).ToList() } });
                continue;
            }
            if (item.Kind != "repeat")
            {
                count++;
                into.Add(item);
                continue;
            }
            var times = item.Settings.Int("repeat");
            var template = (BList)item.Settings["layers"];
            for (var i = 0; i < times; i++)
            {
                if (count > MaxLayers)
                {
                    diagnostics.Add(new DslDiagnostic(Descriptors.OutOfRange.Id, Descriptors.OutOfRange.DefaultSeverity,
                        $"{item.Path}: repeat expands to more than {MaxLayers:N0} layers", item.Location));
                    break;
                }
                into.AddRange(Flatten(template, ref count, diagnostics).Items);
            }
        }
        return layers with { Items = into };
    }
}
