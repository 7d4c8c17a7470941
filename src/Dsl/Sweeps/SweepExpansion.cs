using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// Turns a sweep into its trials. Each trial is the sweep's own resolved spec (extends applied, defaults explicit, repeats
/// expanded) with the parameters' values grafted in at their paths, then bound and validated like any spec. Values keep
/// where they are written, so a trial's error about a value is located there; an error elsewhere (SELU with He init, when
/// the sweep changed the activation) is located at the value that causes it: the one whose removal makes the error go.
/// </summary>
public static class SweepExpansion
{
    public static IReadOnlyList<SweepTrial> Expand(ExperimentSpec baseSpec, SweepSpec sweep, string sweepFile, DiagnosticOptions options, List<DslDiagnostic> diagnostics)
    {
        // The budget is checked before any trial is built: every trial binds and validates the whole network again.
        var planned = sweep.TrialCount;
        var work = planned * Math.Max(1, baseSpec.Model.Layers.Count);
        if (work > MaxLayerBindings)
        {
            diagnostics.Add(TooLarge(sweep, $"{Count(planned)} trials of {Count(baseSpec.Model.Layers.Count)} layers each are {Count(work)} layers to check, more than the {Count(MaxLayerBindings)} a sweep may ask for"));
            return [];
        }
        var resolvedFile = sweepFile + " (resolved)";
        var baseTree = YamlLoader.Load(resolvedFile, baseSpec.CanonicalYaml, []);
        if (baseTree is null) return [];
        var baseDiagnostics = new HashSet<(string, string)>(SpecCompiler.Build(baseTree, options).Diagnostics.Select(d => (d.Id, d.Message)));
        var trials = new List<SweepTrial>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new Dictionary<(string Id, SourceLocation At, string Cause), (DslDiagnostic First, List<int> Trials, int Similar)>();
        var index = 0;
        long layersChecked = 0, lastLayers = 0;
        foreach (var assignments in Draws(sweep))
        {
            var trialIndex = index++;
            var tree = Graft(baseTree, sweep, assignments, out var pathProblem);
            if (pathProblem is { } p)
            {
                Collect(problems, new DslDiagnostic(Descriptors.InvalidSweep.Id, Descriptors.InvalidSweep.DefaultSeverity, p.Message, p.At), p.At, "", trialIndex);
                continue;
            }
            // A swept layer list can be longer than the base's: the budget counts what is really built, stopping before a
            // trial as large as the last one would pass it.
            if (layersChecked + lastLayers > MaxLayerBindings)
            {
                diagnostics.Add(TooLarge(sweep, $"its trials have more than {Count(MaxLayerBindings)} layers to check in all (trial {trialIndex} would pass the limit)"));
                return [];
            }
            var (spec, trialDiagnostics) = SpecCompiler.Build(tree, options);
            lastLayers = spec?.Model.Layers.Count ?? baseSpec.Model.Layers.Count;
            layersChecked += lastLayers;
            // The base's warnings are reported once, for the base; a trial's errors always (a trial that does not build is never skipped silently).
            var fresh = trialDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || !baseDiagnostics.Contains((d.Id, d.Message))).ToList();
            foreach (var d in fresh)
            {
                var cause = d.Location.File == resolvedFile ? Cause(baseTree, sweep, assignments, d, options) : assignments.FirstOrDefault(a => a.Value.Location.Equals(d.Location));
                var at = d.Location.File == resolvedFile ? cause?.Value.Location ?? sweep.Location : d.Location;
                Collect(problems, d, at, cause?.ToString() ?? "", trialIndex);
            }
            if (spec is null || fresh.Any(d => d.Severity == DiagnosticSeverity.Error)) continue;
            // Two draws that give the same spec are one trial: the same hash would be the same run.
            if (seen.Add(spec.ContentHash)) trials.Add(new SweepTrial(trialIndex, new EquatableArray<TrialAssignment>(assignments), spec));
        }
        foreach (var problem in problems)
        {
            var (at, cause) = (problem.Key.At, problem.Key.Cause);
            var (first, trialIndexes, similar) = problem.Value;
            var which = trialIndexes.Count == 1 ? $"trial {trialIndexes[0]}" : $"trials {string.Join(", ", trialIndexes.Take(8))}{(trialIndexes.Count > 8 ? ", …" : "")}";
            var more = similar > trialIndexes.Count ? $" (and {similar - trialIndexes.Count} similar)" : "";
            diagnostics.Add(first with
            {
                Location = at,
                Message = $"sweep {which}{(cause.Length == 0 ? "" : $" ({cause})")}: {first.Message}{more}",
            });
        }
        // A sweep with no trial to run is an error, never a sweep that succeeds by doing nothing.
        if (trials.Count == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            diagnostics.Add(new DslDiagnostic(Descriptors.InvalidSweep.Id, DiagnosticSeverity.Error, "sweep: no trial is left to run: every draw is invalid or repeats another", sweep.Location));
        return trials;
    }

    /// <summary>At most this many layers bound and validated over all trials: a few seconds of work (a 5,000-trial grid of the chapter's 20-layer net).</summary>
    public const long MaxLayerBindings = 100_000;

    private static DslDiagnostic TooLarge(SweepSpec sweep, string why) =>
        new(Descriptors.InvalidSweep.Id, DiagnosticSeverity.Error, $"sweep: too large: {why}; sweep fewer values, or split it into several sweeps", sweep.Location);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static void Collect(Dictionary<(string, SourceLocation, string), (DslDiagnostic, List<int>, int)> problems, DslDiagnostic d, SourceLocation at, string cause, int trial)
    {
        var key = (d.Id, at, cause);
        if (!problems.TryGetValue(key, out var entry)) entry = (d, new List<int>(), 0);
        if (!entry.Item2.Contains(trial)) entry.Item2.Add(trial);
        problems[key] = (entry.Item1, entry.Item2, entry.Item3 + 1);
    }

    /// <summary>The assignment without which the trial no longer has <paramref name="error"/>; null when no single one is the cause.</summary>
    private static TrialAssignment? Cause(YNode baseTree, SweepSpec sweep, IReadOnlyList<TrialAssignment> assignments, DslDiagnostic error, DiagnosticOptions options)
    {
        if (assignments.Count == 1) return assignments[0];
        foreach (var candidate in assignments)
        {
            var tree = Graft(baseTree, sweep, assignments.Where(a => !ReferenceEquals(a, candidate)).ToList(), out var problem);
            if (problem is not null) continue;
            if (!SpecCompiler.Build(tree, options).Diagnostics.Any(d => d.Id == error.Id && d.Message == error.Message)) return candidate;
        }
        return null;
    }

    /// <summary>Every trial's values: the grid in order (the first parameter varies slowest), or `trials` seeded draws.</summary>
    private static IEnumerable<IReadOnlyList<TrialAssignment>> Draws(SweepSpec sweep)
    {
        var parameters = sweep.Parameters.ToList();
        if (sweep.Method == "grid")
        {
            IEnumerable<IReadOnlyList<TrialAssignment>> product = [Array.Empty<TrialAssignment>()];
            foreach (var p in parameters)
            {
                var values = ((SweepDomain.Values)p.Domain).Items;
                product = product.SelectMany(prefix => values.Select(v => (IReadOnlyList<TrialAssignment>)[.. prefix, new TrialAssignment(p.Path, v)]));
            }
            foreach (var trial in product) yield return trial;
            yield break;
        }
        var random = new Random(unchecked((int)sweep.Seed));
        for (var i = 0; i < sweep.Trials; i++)
            yield return parameters.Select(p => new TrialAssignment(p.Path, Draw(p, random))).ToList();
    }

    private static SweepValue Draw(SweepParameter parameter, Random random)
    {
        var u = random.NextDouble();
        switch (parameter.Domain)
        {
            case SweepDomain.Values values:
                return values.Items[Math.Min(values.Items.Count - 1, (int)(u * values.Items.Count))];
            case SweepDomain.Range { Kind: SweepDomain.Range.IntUniform } r:
                var n = (long)Math.Min(r.High, Math.Floor(r.Low + u * (r.High - r.Low + 1)));
                return new SweepValue(n.ToString(CultureInfo.InvariantCulture)) { Location = parameter.KeyLocation };
            case SweepDomain.Range { Kind: SweepDomain.Range.LogUniform } r:
                return Real(Math.Exp(Math.Log(r.Low) + u * (Math.Log(r.High) - Math.Log(r.Low))), parameter);
            case SweepDomain.Range r:
                return Real(r.Low + u * (r.High - r.Low), parameter);
            default:
                throw new InvalidOperationException("unknown sweep domain");
        }
    }

    // Four significant digits: a drawn rate reads like one a person would write, and the trial's spec shows it exactly.
    private static SweepValue Real(double value, SweepParameter parameter) =>
        new(CanonicalWriter.Number(double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))) { Location = parameter.KeyLocation };

    private static YNode Graft(YNode baseTree, SweepSpec sweep, IReadOnlyList<TrialAssignment> assignments, out (string Message, SourceLocation At)? problem)
    {
        var tree = baseTree;
        foreach (var assignment in assignments)
        {
            var parameter = sweep.Parameters.First(p => p.Path == assignment.Path);
            var value = Relocated(YamlLoader.Load(parameter.KeyLocation.File, assignment.Value.Yaml, []) ?? new YScalar("", false, assignment.Value.Location), assignment.Value.Location);
            var result = TreeEdit.Set(tree, parameter.Target, value, parameter.KeyLocation);
            if (result.Problem is { } why)
            {
                problem = ($"sweep.parameters: {parameter.Path}: {why}", parameter.KeyLocation);
                return tree;
            }
            tree = result.Tree!;
            if (value is not YScalar) tree = Expanded(tree);
        }
        problem = null;
        return tree;
    }

    /// <summary>
    /// The tree as the resolved spec it stands for: a grafted list of layers has its repeats expanded and its layers named,
    /// so a later path sees them (`model.layers: { choice: [...] }` then `model.layers[dense_*].units`). Unchanged when it
    /// does not bind; the trial's own build reports why.
    /// </summary>
    private static YNode Expanded(YNode tree)
    {
        var (spec, _) = SpecCompiler.Build(tree, new List<DslDiagnostic>());
        return spec is null ? tree : YamlLoader.Load(tree.Location.File, spec.CanonicalYaml, []) ?? tree;
    }

    /// <summary>A copy of <paramref name="node"/> located, every part of it, where the sweep writes the value.</summary>
    private static YNode Relocated(YNode node, SourceLocation at) => node switch
    {
        YScalar s => new YScalar(s.Text, s.Quoted, at),
        YSequence list => new YSequence(list.Items.Select(i => Relocated(i, at)).ToList(), at),
        YMapping map => new YMapping(map.Entries.Select(e => new KeyValuePair<YScalar, YNode>((YScalar)Relocated(e.Key, at), Relocated(e.Value, at))).ToList(), at),
        _ => node,
    };
}
