using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Diffing;

/// <summary>
/// Compares two resolved experiments setting by setting. Defaults are explicit in both, so formatting,
/// key order, comments and a value written out equal to its default never count; a different kind
/// (another optimizer) is one change at the kind's path. Layer lists align layer by layer
/// (<see cref="LayerAlignment"/>: an inserted layer is one addition) and the same change in many
/// layers is one line (<see cref="RepeatedChanges"/>); other lists compare item by item.
/// </summary>
public static class SemanticDiff
{
    public static IReadOnlyList<SettingChange> Compare(ExperimentSpec a, ExperimentSpec b)
    {
        var changes = new List<SettingChange>();
        Walk(a.Tree, b.Tree, "", changes);
        changes.AddRange(Sweeps.SweepDiff.Compare(a.Sweep, b.Sweep));
        return changes;
    }

    private static void Walk(BValue? a, BValue? b, string path, List<SettingChange> changes)
    {
        if (a is BScalar { Value: null }) a = null;
        if (b is BScalar { Value: null }) b = null;
        if (a is null && b is null) return;
        switch (a, b)
        {
            case (BObject x, BObject y):
                foreach (var key in x.Fields.Select(f => f.Key).Union(y.Fields.Select(f => f.Key)))
                    Walk(x.Fields.FirstOrDefault(f => f.Key == key).Value, y.Fields.FirstOrDefault(f => f.Key == key).Value, Join(path, key), changes);
                return;
            case (BVariant x, BVariant y) when x.Kind == y.Kind:
                Walk(x.Settings, y.Settings, Join(path, x.Kind), changes);
                return;
            case (BList x, BList y) when x.Items.All(i => i is BVariant) && y.Items.All(i => i is BVariant) && (x.Items.Count > 0 || y.Items.Count > 0):
                changes.AddRange(Layers(x.Items.Cast<BVariant>().ToList(), y.Items.Cast<BVariant>().ToList(), path));
                return;
        }
        var old = a is null ? null : Text(a);
        var @new = b is null ? null : Text(b);
        if (old != @new) changes.Add(new SettingChange(path, old, @new, a?.Location, b?.Location));
    }

    private static IEnumerable<SettingChange> Layers(IReadOnlyList<BVariant> a, IReadOnlyList<BVariant> b, string path)
    {
        var perLayer = new List<(string Layer, string Below, SettingChange Change)>();
        foreach (var (old, @new) in LayerAlignment.Align(a, b, Signature))
        {
            var name = old is not null && @new is not null && Name(old) != Name(@new) ? $"{Name(old)}→{Name(@new)}" : Name((old ?? @new)!);
            var inner = new List<SettingChange>();
            if (old is not null && @new is not null) Walk(WithoutName(old), WithoutName(@new), "", inner);
            else inner.Add(new SettingChange("", old is null ? null : Signature(old), @new is null ? null : Signature(@new), old?.Location, @new?.Location));
            perLayer.AddRange(inner.Select(c => (name, c.Path.Length == 0 ? "" : "." + c.Path, c)));
        }
        return RepeatedChanges.Fold(path, perLayer);
    }

    /// <summary>A layer's kind and settings without its name, which only says where it is.</summary>
    private static string Signature(BVariant layer) => Text(WithoutName(layer));

    private static BVariant WithoutName(BVariant layer) =>
        layer with { Settings = layer.Settings with { Fields = layer.Settings.Fields.Where(f => f.Key != "name").ToList() } };

    private static string Name(BVariant layer) =>
        layer.Settings.Fields.FirstOrDefault(f => f.Key == "name").Value is BScalar { Value: string name } ? name : layer.Kind;

    private static string Text(BValue value) => value switch
    {
        BScalar s => CanonicalWriter.Scalar(s.Value),
        BList l => "[" + string.Join(", ", l.Items.Select(Text)) + "]",
        BVariant v => v.Kind + (v.Settings.Fields.All(f => f.Value is BScalar { Value: null }) ? "" : " " + Text(v.Settings)),
        BObject o => "{ " + string.Join(", ", o.Fields.Where(f => f.Value is not BScalar { Value: null }).Select(f => f.Key + ": " + Text(f.Value))) + " }",
        _ => throw new System.InvalidOperationException($"internal error: SemanticDiff cannot write a {value.GetType().Name}"),
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
