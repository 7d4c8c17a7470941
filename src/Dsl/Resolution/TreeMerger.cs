using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Lays a spec over the one it extends: mappings merge deeply, lists and scalars replace, and
/// `key: null` removes the key. A variant of another kind replaces the base's (`sgd:` over `nadam:`
/// is a new optimizer, not both). Every node keeps its own file and position, so a later error
/// points into the file that holds the offending value.
/// </summary>
public static class TreeMerger
{
    public static YNode Merge(YNode baseNode, YNode overlay) => Merge(baseNode, overlay, LanguageSchema.Experiment);

    private static YNode Merge(YNode baseNode, YNode overlay, Shape? shape)
    {
        if (baseNode is not YMapping baseMap || overlay is not YMapping overlayMap) return overlay;
        if (shape is VariantShape variants)
        {
            var baseKind = baseMap.Entries.Count == 1 ? baseMap.Entries[0].Key.Text : null;
            var overKind = overlayMap.Entries.Count == 1 ? overlayMap.Entries[0].Key.Text : null;
            if (baseKind != overKind || baseKind is null) return overlay;
            var body = variants.Find(baseKind)?.Body;
            return new YMapping([new KeyValuePair<YScalar, YNode>(overlayMap.Entries[0].Key,
                Merge(baseMap.Entries[0].Value, overlayMap.Entries[0].Value, body))], overlayMap.Location);
        }
        var obj = shape as ObjectShape;
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        foreach (var entry in baseMap.Entries)
        {
            var over = overlayMap.Entries.FirstOrDefault(e => e.Key.Text == entry.Key.Text);
            if (over.Key is null) entries.Add(entry);
            else if (over.Value is YScalar { Kind: ScalarKind.Null }) continue;
            else entries.Add(new KeyValuePair<YScalar, YNode>(over.Key, Merge(entry.Value, over.Value, obj?.Find(entry.Key.Text)?.Shape)));
        }
        foreach (var entry in overlayMap.Entries)
            if (baseMap[entry.Key.Text] is null && entry.Value is not YScalar { Kind: ScalarKind.Null }) entries.Add(entry);
        return new YMapping(entries, overlayMap.Location);
    }
}
