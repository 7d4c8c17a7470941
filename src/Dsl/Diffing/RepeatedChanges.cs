using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Diffing;

/// <summary>
/// Folds the same change made in many layers (a repeated block) into one line: the first layer's
/// change, with the layer names as first…last and the count.
/// </summary>
internal static class RepeatedChanges
{
    /// <param name="changes">Per-layer changes, with the layer's name and the path below it.</param>
    public static IEnumerable<SettingChange> Fold(string listPath, IReadOnlyList<(string Layer, string Below, SettingChange Change)> changes) =>
        changes.GroupBy(c => (c.Below, c.Change.Old, c.Change.New))
            .Select(g =>
            {
                var first = g.First();
                var layers = g.Count() == 1 ? first.Layer : $"{first.Layer}…{g.Last().Layer}";
                return first.Change with { Path = $"{listPath}[{layers}]{first.Below}", Layers = g.Count() };
            });
}
