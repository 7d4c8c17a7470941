using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepDsl.Dsl.Diffing;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// The semantic diff of two sweep sections: method, trials, seed, metric and early termination setting by setting, and each
/// parameter by its path (added, removed, or its values changed) — written order and formatting never count.
/// </summary>
public static class SweepDiff
{
    public static IReadOnlyList<SettingChange> Compare(SweepSpec? a, SweepSpec? b)
    {
        var changes = new List<SettingChange>();
        if (a is null && b is null) return changes;
        void Setting(string path, string? old, string? @new)
        {
            if (old != @new) changes.Add(new SettingChange("sweep." + path, old, @new, a?.Location, b?.Location));
        }
        Setting("method", a?.Method, b?.Method);
        Setting("trials", a?.Trials?.ToString(CultureInfo.InvariantCulture), b?.Trials?.ToString(CultureInfo.InvariantCulture));
        Setting("seed", a?.Seed.ToString(CultureInfo.InvariantCulture), b?.Seed.ToString(CultureInfo.InvariantCulture));
        Setting("metric", a is null ? null : $"{a.Metric} ({Goal(a)})", b is null ? null : $"{b.Metric} ({Goal(b)})");
        Setting("early_terminate", Asha(a), Asha(b));
        var before = a?.Parameters.ToDictionary(p => p.Path) ?? new Dictionary<string, SweepParameter>();
        var after = b?.Parameters.ToDictionary(p => p.Path) ?? new Dictionary<string, SweepParameter>();
        foreach (var path in before.Keys.Concat(after.Keys).Distinct())
        {
            var old = before.TryGetValue(path, out var x) ? Domain(x.Domain) : null;
            var @new = after.TryGetValue(path, out var y) ? Domain(y.Domain) : null;
            if (old != @new) changes.Add(new SettingChange($"sweep.parameters.{path}", old, @new, x?.KeyLocation, y?.KeyLocation));
        }
        return changes;
    }

    private static string Goal(SweepSpec s) => s.Maximize ? "maximize" : "minimize";

    private static string? Asha(SweepSpec? s) =>
        s?.EarlyTerminate is { } e ? $"asha (min_epochs {e.MinEpochs}, reduction_factor {e.ReductionFactor})" : s is null ? null : "none";

    private static string Domain(SweepDomain domain) => domain switch
    {
        SweepDomain.Values v => "[" + string.Join(", ", v.Items.Select(i => i.Yaml)) + "]",
        SweepDomain.Range r => $"{{ {r.Kind}: [{CanonicalNumber(r.Low)}, {CanonicalNumber(r.High)}] }}",
        _ => throw new System.InvalidOperationException($"internal error: SweepDiff cannot write a {domain.GetType().Name}"),
    };

    private static string CanonicalNumber(double value) => Model.CanonicalWriter.Number(value);
}
