using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Diffing;

/// <summary>
/// Compares two resolved experiments setting by setting. Defaults are explicit in both, so formatting,
/// key order, comments and a value written out equal to its default never count; lists compare item
/// by item; a different kind (another optimizer) is one change at the kind's path.
/// </summary>
public static class SemanticDiff
{
    public static IReadOnlyList<SettingChange> Compare(ExperimentSpec a, ExperimentSpec b)
    {
        var changes = new List<SettingChange>();
        Walk(a.Tree, b.Tree, "", changes);
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
            case (BList x, BList y) when x.Items.Any(i => i is BVariant) || y.Items.Any(i => i is BVariant):
                for (var i = 0; i < System.Math.Max(x.Items.Count, y.Items.Count); i++)
                    Walk(i < x.Items.Count ? x.Items[i] : null, i < y.Items.Count ? y.Items[i] : null, $"{path}[{i}]", changes);
                return;
        }
        var old = a is null ? null : Text(a);
        var @new = b is null ? null : Text(b);
        if (old != @new) changes.Add(new SettingChange(path, old, @new, a?.Location, b?.Location));
    }

    private static string Text(BValue value) => value switch
    {
        BScalar s => CanonicalWriter.Scalar(s.Value),
        BList l => "[" + string.Join(", ", l.Items.Select(Text)) + "]",
        BVariant v => v.Kind + (v.Settings.Fields.All(f => f.Value is BScalar { Value: null }) ? "" : " " + Text(v.Settings)),
        BObject o => "{ " + string.Join(", ", o.Fields.Where(f => f.Value is not BScalar { Value: null }).Select(f => f.Key + ": " + Text(f.Value))) + " }",
        _ => "",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
