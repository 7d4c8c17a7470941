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
            // By the first quoted name in each message (rules name the layer first): linear, as a block may hold 10,000 copies.
            var index = new Dictionary<string, int>();
            for (var i = 0; i < block.Copies.Count; i++) index[block.Copies[i].Name] = i + 1;
            var named = group.Select(d => QuotedName(d.Message)).Where(n => n is not null && index.ContainsKey(n)).Distinct()
                .Select(n => (Name: n!, Index: index[n!])).OrderBy(c => c.Index).ToList();
            yield return group.First() with { Message = $"{group.First().Message} ({Which(named, block.Copies.Count, group.Count())})" };
        }
    }

    private static string? QuotedName(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end < 0 ? null : message.Substring(start + 1, end - start - 1);
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
