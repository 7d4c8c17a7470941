using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Rules;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl;

/// <summary>
/// The language's one entry point: parse, resolve `extends`, bind to the schema, expand repeats,
/// build the typed spec, run the validation rules, apply severity options. Never throws on input:
/// every problem is a diagnostic.
/// </summary>
public static class SpecCompiler
{
    public static SpecCompilation Compile(string path, ISpecFileSystem files, DiagnosticOptions? options = null)
    {
        options ??= DiagnosticOptions.Default;
        var diagnostics = new List<DslDiagnostic>();
        var fullPath = Path.GetFullPath(path);
        var resolver = new ExtendsResolver(files, diagnostics);
        ExperimentSpec? spec = null;
        SweepSpec? sweep = null;
        IReadOnlyList<SweepTrial> trials = [];
        try
        {
            var tree = resolver.Resolve(fullPath);
            if (tree is null && diagnostics.Count == 0)
                diagnostics.Add(new DslDiagnostic(Descriptors.MissingKey.Id, DiagnosticSeverity.Error,
                    "the file is empty: a spec needs name, data, model and training", SourceLocation.StartOf(fullPath)));
            BObject? sweepSection;
            var resolved = diagnostics.Count;
            (spec, sweepSection) = Build(tree, diagnostics);
            // A base left out (refused, missing) would have supplied keys: reporting them missing only repeats its error.
            if (resolver.LeftOutABase) RemoveMissingKeys(diagnostics, resolved);
            if (spec is not null && sweepSection is not null && (sweep = SweepReader.Read(sweepSection, diagnostics)) is not null)
            {
                trials = SweepExpansion.Expand(spec, sweep, fullPath, options, diagnostics);
                spec = spec with { Sweep = sweep };
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug in the language must still not take down the caller (the IDE, the build): report it as a diagnostic.
            diagnostics.Add(new DslDiagnostic(Descriptors.YamlSyntax.Id, DiagnosticSeverity.Error,
                $"internal error while reading the spec ({error.GetType().Name}: {error.Message}); please report it", SourceLocation.StartOf(fullPath)));
            spec = null;
        }

        var effective = Effective(diagnostics, options);
        var hasErrors = effective.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new SpecCompilation(hasErrors ? null : spec, new EquatableArray<DslDiagnostic>(effective), new EquatableArray<string>(resolver.Files.Distinct()))
        {
            Sweep = hasErrors ? null : sweep,
            Trials = hasErrors ? [] : trials,
        };
    }

    /// <summary>Binds, expands and validates a resolved tree: the spec when it has no errors, and its `sweep:` section (kept apart: it is not part of any trial).</summary>
    internal static (ExperimentSpec? Spec, BObject? Sweep) Build(YNode? tree, List<DslDiagnostic> diagnostics)
    {
        var bound = tree is null ? null : new Binder(diagnostics).BindExperiment(tree);
        if (bound is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return (null, null);
        var sweep = bound["sweep"] as BObject;
        bound = bound with { Fields = bound.Fields.Where(f => f.Key != "sweep").ToList() };
        var model = (BObject)bound["model"];
        var layers = LayerExpansion.Expand((BList)model["layers"], bound.String("name"), diagnostics);
        var expanded = bound with { Fields = bound.Fields.Select(f => f.Key == "model" ? Replace(f, model, "layers", layers) : f).ToList() };
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return (null, sweep);
        var spec = SpecBuilder.Build(expanded);
        diagnostics.AddRange(RepeatBlockReport.Fold(spec, RuleSet.Run(spec)));
        return (spec, sweep);
    }

    /// <summary>A trial's tree, built and validated with the given severities: its spec (null on errors) and its diagnostics.</summary>
    internal static (ExperimentSpec? Spec, List<DslDiagnostic> Diagnostics) Build(YNode tree, DiagnosticOptions options)
    {
        var diagnostics = new List<DslDiagnostic>();
        var (spec, _) = Build(tree, diagnostics);
        var effective = Effective(diagnostics, options);
        return (effective.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : spec, effective);
    }

    private static void RemoveMissingKeys(List<DslDiagnostic> diagnostics, int from)
    {
        for (var i = diagnostics.Count - 1; i >= from; i--)
            if (diagnostics[i].Id == Descriptors.MissingKey.Id) diagnostics.RemoveAt(i);
    }

    // Distinct: a check that runs on each copy of a repeated layer finds the same thing at the same place (RepeatBlockReport folds the rules' ones).
    private static List<DslDiagnostic> Effective(List<DslDiagnostic> diagnostics, DiagnosticOptions options) => diagnostics.Distinct()
        .Select(d => d with { Severity = options.Effective(d.Id, d.Severity) })
        .Where(d => d.Severity != DiagnosticSeverity.None)
        .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Compiles with the severities configured for the spec (`dotnet_diagnostic.DDSLnnn.severity` in a
    /// .editorconfig/.globalconfig next to it or above, read through <paramref name="files"/>), as `dotnet build` applies them.
    /// </summary>
    public static SpecCompilation CompileWithConfiguredSeverities(string path, ISpecFileSystem files, bool warningsAsErrors = false) =>
        Compile(path, files, SeverityConfiguration.For(path, files, warningsAsErrors));

    private static KeyValuePair<string, BValue> Replace(KeyValuePair<string, BValue> field, BObject obj, string key, BValue value) =>
        new(field.Key, obj with { Fields = obj.Fields.Select(f => f.Key == key ? new KeyValuePair<string, BValue>(key, value) : f).ToList() });
}
