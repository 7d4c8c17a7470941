using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// The layers a sweep path names in brackets (`model.layers[dense_1]`): the items of the resolved spec's `model.layers`,
/// after `extends` and with repeats expanded and named, each found by its name. A residual block is one of them, and
/// the layers of its body are reached through its own `layers` list (`model.layers[residual_1].layers[conv2d_2]`, at any
/// depth). <see cref="TreeEdit"/> edits them in the YAML tree; the language server completes and finds them in the bound
/// spec: both read them here.
/// </summary>
public static class SweepLayers
{
    /// <summary>The key of a block's body in its settings: what follows a block in a path (`[residual_1].layers[…]`).</summary>
    public const string BodyKey = "layers";

    /// <summary>The top-level layers in the bound spec, in order (in its expanded list a block's body is the BodyLength layers before it).</summary>
    public static IReadOnlyList<LayerSpec> Of(ExperimentSpec spec) => [.. Scope(spec.Model.Layers, 0, spec.Model.Layers.Count).Select(p => p.Layer)];

    /// <summary>
    /// The layers a chain of bracketed patterns reaches: the top-level layers the first matches, then in the body of each
    /// matching block those the next matches, and so on.
    /// </summary>
    public static IReadOnlyList<LayerSpec> Reached(ExperimentSpec spec, IReadOnlyList<ParameterPath.Layers> patterns)
    {
        var layers = spec.Model.Layers;
        var scope = Scope(layers, 0, layers.Count);
        var reached = new List<(LayerSpec Layer, int Index)>();
        for (var level = 0; level < patterns.Count; level++)
        {
            reached = scope.Where(p => patterns[level].Matches(p.Layer.Name)).ToList();
            if (level == patterns.Count - 1) break;
            // The next pattern looks inside the blocks matched here: each block closes its body in the flat list.
            scope = reached.SelectMany(p => p.Layer is ResidualLayer block ? Scope(layers, p.Index - block.BodyLength, p.Index) : []).ToList();
        }
        return [.. reached.Select(p => p.Layer)];
    }

    /// <summary>The name of an item of the resolved tree's `model.layers` (`{ kind: { ..., name: n } }`), or null when it is no layer.</summary>
    public static string? NameOf(YNode item) => Settings(item) is { } settings && settings["name"] is YScalar name ? name.Text : null;

    /// <summary>The body of a block in the resolved tree (its settings' `layers` list), or null when the item is no block.</summary>
    public static YSequence? BodyOf(YNode item) => Settings(item)?[BodyKey] as YSequence;

    private static YMapping? Settings(YNode item) => item is YMapping { Entries.Count: 1 } variant ? variant.Entries[0].Value as YMapping : null;

    // The layers directly in layers[start..end) of the flat list (the whole list, or a block's body), with their indexes
    // there (where a block's body ends): a nested block counts once.
    private static List<(LayerSpec Layer, int Index)> Scope(IReadOnlyList<LayerSpec> layers, int start, int end)
    {
        var top = new List<(LayerSpec, int)>();
        for (var i = end - 1; i >= start; i -= layers[i] is ResidualLayer block ? block.BodyLength + 1 : 1) top.Add((layers[i], i));
        top.Reverse();
        return top;
    }
}
