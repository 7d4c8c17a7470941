using System.Collections.Generic;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// The layers a sweep path names in brackets (`model.layers[dense_1]`): the items of the resolved spec's `model.layers`,
/// after `extends` and with repeats expanded and named, each found by its name. A residual block is one of them; its
/// body is inside it, so no path names a body layer. <see cref="TreeEdit"/> edits them in the YAML tree; the language
/// server completes and finds them in the bound spec: both read them here.
/// </summary>
public static class SweepLayers
{
    /// <summary>The layers in the bound spec, in order (in its expanded list a block's body is the BodyLength layers before it).</summary>
    public static IReadOnlyList<LayerSpec> Of(ExperimentSpec spec)
    {
        var layers = spec.Model.Layers;
        var top = new List<LayerSpec>();
        for (var i = layers.Count - 1; i >= 0; i -= layers[i] is ResidualLayer block ? block.BodyLength + 1 : 1) top.Add(layers[i]);
        top.Reverse();
        return top;
    }

    /// <summary>The name of an item of the resolved tree's `model.layers` (`{ kind: { ..., name: n } }`), or null when it is no layer.</summary>
    public static string? NameOf(YNode item) =>
        item is YMapping { Entries.Count: 1 } variant && variant.Entries[0].Value is YMapping settings && settings["name"] is YScalar name ? name.Text : null;
}
