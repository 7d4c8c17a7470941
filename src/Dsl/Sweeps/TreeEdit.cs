using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// Sets a value at a <see cref="ParameterPath"/> in a resolved spec's YAML tree, returning a new tree (the old one is
/// shared, never changed). Missing keys are added (the binder then checks them like any key); layers are found by name
/// (<see cref="SweepLayers"/>), those in a residual block's body through the block (`[residual_1].layers[conv2d_2]`).
/// </summary>
public static class TreeEdit
{
    public readonly record struct Result(YNode? Tree, string? Problem);

    public static Result Set(YNode root, ParameterPath path, YNode value, SourceLocation keyLocation) => Set(root, path.Segments, 0, value, keyLocation);

    private static Result Set(YNode? node, IReadOnlyList<ParameterPath.Segment> path, int at, YNode value, SourceLocation keyLocation)
    {
        if (at == path.Count) return new Result(value, null);
        switch (path[at])
        {
            case ParameterPath.Key key:
            {
                if (node is not (null or YMapping or YScalar { Kind: ScalarKind.Null }))
                    return new Result(null, $"'{key.Name}' is inside {node.KindName}, not a mapping");
                var entries = (node as YMapping)?.Entries.ToList() ?? [];
                var index = entries.FindIndex(e => e.Key.Text == key.Name);
                var inner = Set(index < 0 ? null : entries[index].Value, path, at + 1, value, keyLocation);
                if (inner.Problem is not null) return inner;
                var entry = new KeyValuePair<YScalar, YNode>(index < 0 ? new YScalar(key.Name, false, keyLocation) : entries[index].Key, inner.Tree!);
                if (index < 0) entries.Add(entry);
                else entries[index] = entry;
                return new Result(new YMapping(entries, node?.Location ?? keyLocation), null);
            }
            case ParameterPath.Item item:
            {
                if (node is not YSequence list) return new Result(null, $"[{item.Index}] needs a list here, not {node?.KindName ?? "nothing"}");
                if (item.Index >= list.Items.Count) return new Result(null, $"[{item.Index}] is past the end of a list of {list.Items.Count}");
                return Replace(list, [item.Index], path, at, value, keyLocation);
            }
            case ParameterPath.Layers layers:
            {
                if (node is not YSequence list) return new Result(null, $"[{layers.Pattern}] needs the list of layers here, not {node?.KindName ?? "nothing"}");
                var names = list.Items.Select(SweepLayers.NameOf).ToList();
                // A path that goes on into a body (`[residual_*].layers[…]`) chooses among the blocks only, so a wildcard
                // that also matches plain layers reaches into every block it matches.
                var intoBody = at + 2 < path.Count && path[at + 1] is ParameterPath.Key { Name: SweepLayers.BodyKey } && path[at + 2] is ParameterPath.Layers;
                var candidates = Enumerable.Range(0, names.Count).Where(i => names[i] is not null && (!intoBody || SweepLayers.BodyOf(list.Items[i]) is not null)).ToList();
                var matches = candidates.Where(i => layers.Matches(names[i]!)).ToList();
                var (what, these) = intoBody ? ("residual block", "blocks") : ("layer", "layers");
                if (matches.Count == 0)
                    return new Result(null, $"no {what} is named {layers.Pattern} " +
                                            (candidates.Count == 0 ? $"(there is no {what} here)" : $"(the {these} are {string.Join(", ", candidates.Take(30).Select(i => names[i]))})"));
                return Replace(list, matches, path, at, value, keyLocation);
            }
            default:
                return new Result(null, "unknown path segment");
        }
    }

    /// <summary>Sets the rest of the path in each chosen item; in a layer (one kind key over its settings) the path goes on in the settings.</summary>
    private static Result Replace(YSequence list, IReadOnlyList<int> chosen, IReadOnlyList<ParameterPath.Segment> path, int at, YNode value, SourceLocation keyLocation)
    {
        var items = list.Items.ToList();
        foreach (var i in chosen)
        {
            Result inner;
            if (at + 1 < path.Count && items[i] is YMapping { Entries.Count: 1 } variant && variant.Entries[0].Value is YMapping settings)
            {
                inner = Set(settings, path, at + 1, value, keyLocation);
                if (inner.Problem is null) inner = new Result(new YMapping([new KeyValuePair<YScalar, YNode>(variant.Entries[0].Key, inner.Tree!)], variant.Location), null);
            }
            else inner = Set(items[i], path, at + 1, value, keyLocation);
            if (inner.Problem is not null) return inner;
            items[i] = inner.Tree!;
        }
        return new Result(new YSequence(items, list.Location), null);
    }
}
