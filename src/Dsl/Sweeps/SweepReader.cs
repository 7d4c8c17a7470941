using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// Reads a bound `sweep:` section (its shape already checked by the schema) into a <see cref="SweepSpec"/>: each parameter's
/// path and its values or distribution, with DDSL018 at the key or value that is wrong.
/// </summary>
public static class SweepReader
{
    /// <summary>The most trials a grid may expand to: a sweep is meant to be run.</summary>
    public const int MaxTrials = 10_000;

    /// <summary>The columns of a trial's metrics.csv that can rank trials.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["val_accuracy", "val_loss", "accuracy", "loss"];

    public static SweepSpec? Read(BObject sweep, List<DslDiagnostic> diagnostics)
    {
        var method = sweep.String("method");
        var trials = sweep.Scalar("trials") is long t ? t : (long?)null;
        var parameters = new List<SweepParameter>();
        var ok = true;
        var declared = (BObject)sweep["parameters"];
        if (declared.Fields.Count == 0) ok = Report(diagnostics, declared.Location, "sweep.parameters is empty: name at least one setting to sweep");
        foreach (var field in declared.Fields)
        {
            var (path, value) = (field.Key, field.Value);
            var keyLocation = KeyLocation(value);
            if (ParameterPath.Parse(path) is not { } target)
            {
                ok = Report(diagnostics, keyLocation, $"sweep.parameters: {Quoted.Value(path)} is not a key path (keys joined by '.', list items and layers in brackets: " +
                                                      "training.optimizer.nadam.learning_rate, model.layers[dense_*].activation)");
                continue;
            }
            if (target.Segments[0] is ParameterPath.Key { Name: "sweep" or "extends" or "name" or "version" })
            {
                ok = Report(diagnostics, keyLocation, $"sweep.parameters: {path} cannot be swept (every trial keeps the sweep's name and version)");
                continue;
            }
            var domain = Domain(value, path, method, diagnostics);
            if (domain is null) ok = false;
            else parameters.Add(new SweepParameter(path, target, domain) { KeyLocation = keyLocation });
        }
        if (method == "random" && trials is null) ok = Report(diagnostics, sweep.Location, "sweep: random search needs trials: N (how many to draw)");
        if (method == "grid" && ok && SweepSpec.GridSize(parameters, MaxTrials + 1L) > MaxTrials)
            ok = Report(diagnostics, declared.Location, $"sweep: the grid has more than {MaxTrials:N0} combinations; use method: random with trials: N");
        var metric = (BObject)sweep["metric"];
        if (!Metrics.Contains(metric.String("name")))
            ok = Report(diagnostics, metric["name"].Location, $"sweep.metric.name: {Quoted.Value(metric.String("name"))} is not a metric a trial records; use one of {string.Join(", ", Metrics)}");
        if (!ok) return null;
        var asha = sweep["early_terminate"] as BObject;
        return new SweepSpec(method, new EquatableArray<SweepParameter>(parameters), trials, sweep.Int("seed"), metric.String("name"), metric.String("goal") == "maximize",
            asha is null ? null : new AshaSpec(asha.Int("min_epochs"), asha.Int("reduction_factor"))) { Location = sweep.Location };
    }

    private static SweepDomain? Domain(BValue value, string path, string method, List<DslDiagnostic> diagnostics)
    {
        switch (value)
        {
            case BList { Items.Count: 0 }:
                Report(diagnostics, value.Location, $"sweep.parameters.{path}: the list of values is empty");
                return null;
            case BList list:
                return new SweepDomain.Values(new EquatableArray<SweepValue>(list.Items.Select(Value)));
            case BObject { Fields.Count: 1 } distribution:
            {
                var (kind, body) = (distribution.Fields[0].Key, distribution.Fields[0].Value);
                if (kind == "choice" && body is BList { Items.Count: > 0 } choices) return new SweepDomain.Values(new EquatableArray<SweepValue>(choices.Items.Select(Value)));
                if (kind is not (SweepDomain.Range.Uniform or SweepDomain.Range.LogUniform or SweepDomain.Range.IntUniform)) break;
                if (method == "grid")
                {
                    Report(diagnostics, distribution.Location, $"sweep.parameters.{path}: {kind} is a distribution, for method: random; a grid takes a list of values");
                    return null;
                }
                if (body is not BList { Items.Count: 2 } bounds || bounds.Items.Any(b => b is not BScalar { Value: long or double }))
                {
                    Report(diagnostics, body.Location, $"sweep.parameters.{path}: {kind} takes [low, high], two numbers");
                    return null;
                }
                var low = System.Convert.ToDouble(((BScalar)bounds.Items[0]).Value, System.Globalization.CultureInfo.InvariantCulture);
                var high = System.Convert.ToDouble(((BScalar)bounds.Items[1]).Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!(low < high) || double.IsInfinity(low) || double.IsInfinity(high) || kind == SweepDomain.Range.LogUniform && !(low > 0) ||
                    kind == SweepDomain.Range.IntUniform && (low != System.Math.Floor(low) || high != System.Math.Floor(high)))
                {
                    Report(diagnostics, body.Location, $"sweep.parameters.{path}: {kind} needs low < high" +
                        (kind == SweepDomain.Range.LogUniform ? ", both > 0" : kind == SweepDomain.Range.IntUniform ? ", both integers" : "") + $", not [{low}, {high}]");
                    return null;
                }
                return new SweepDomain.Range(kind, low, high);
            }
        }
        Report(diagnostics, value.Location, $"sweep.parameters.{path}: expected a list of values or one of {{ choice: [...] }}, {{ uniform: [a, b] }}, " +
                                            "{ log_uniform: [a, b] }, { int_uniform: [a, b] }");
        return null;
    }

    private static SweepValue Value(BValue value) => new(CanonicalWriter.FlowText(value)) { Location = value.Location };

    // The binder keeps a free map's values, not its keys: a value's line is where its key is.
    private static SourceLocation KeyLocation(BValue value) => value.Location;

    private static bool Report(List<DslDiagnostic> diagnostics, SourceLocation at, string message)
    {
        diagnostics.Add(new DslDiagnostic(Descriptors.InvalidSweep.Id, Descriptors.InvalidSweep.DefaultSeverity, message, at));
        return false;
    }
}
