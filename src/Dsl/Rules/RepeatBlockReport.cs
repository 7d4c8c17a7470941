using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// Rules check expanded layers, so a problem in a `repeat` block's template is found once per copy,
/// all at the template's location. This folds them: one diagnostic per rule and template location,
/// saying in which layers of the block it holds ("in all 20 layers of this repeat block").
/// </summary>
internal static class RepeatBlockReport
{
    public static IEnumerable<DslDiagnostic> Fold(ExperimentSpec spec, IEnumerable<DslDiagnostic> diagnostics)
    {
        var blocks = spec.Model.Layers.Where(l => l.Path.Contains(".repeat.layers[")).GroupBy(l => l.Path)
            .Select(g => (Path: g.Key, Copies: g.ToList())).ToList();
        foreach (var group in diagnostics.GroupBy(d => (d.Id, d.Severity, d.Location)))
        {
            var block = group.Count() == 1 ? default : blocks.FirstOrDefault(b => spec.Sources.Holds(b.Path, group.Key.Location));
            if (group.Count() == 1 || block.Copies is null)
            {
                foreach (var d in group) yield return d;
                continue;
            }
            var named = block.Copies.Select((layer, i) => (layer.Name, Index: i + 1))
                .Where(c => group.Any(d => d.Message.Contains($"'{c.Name}'"))).ToList();
            yield return group.First() with { Message = $"{group.First().Message} ({Which(named, block.Copies.Count, group.Count())})" };
        }
    }

    private static string Which(List<(string Name, int Index)> named, int copies, int count)
    {
        var last = named.Count == 0 ? default : named[named.Count - 1];
        if (named.Count == copies) return $"in all {copies} layers of this repeat block: {named[0].Name} … {last.Name}";
        if (named.Count == count && last.Index - named[0].Index + 1 == count)
            return $"in layers {named[0].Index}–{last.Index} of the {copies} of this repeat block: {named[0].Name} … {last.Name}";
        return $"in {count} of the {copies} layers of this repeat block";
    }
}
