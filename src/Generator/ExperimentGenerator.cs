using System;
using System.Linq;
using DeepDsl.Generator.Emitting;
using DeepDsl.Generator.Model;
using DeepDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepDsl.Generator;

/// <summary>
/// Turns each experiment YAML (an AdditionalFile marked DeepDslExperiment) into a typed model class
/// and experiment class, plus a catalog of the project's experiments. The language (src/Dsl) parses,
/// resolves and validates; a spec with errors emits only stand-ins for its classes (<see cref="StandIn"/>), so the build
/// shows the YAML error (reported by <see cref="ExperimentAnalyzer"/>, or, when C# code uses those classes and the
/// compiler skips analyzers, as the stand-ins' obsolete message) instead of a cascade of C# errors.
/// The catalog is emitted whenever the project has an experiment, so a spec with errors never makes it vanish.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExperimentGenerator : IIncrementalGenerator
{
    public const string ParseStep = "DeepDsl.Parse";
    public const string ModelStep = "DeepDsl.Model";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Where(SpecFiles.IsYaml)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, token) => SpecFiles.Read(pair.Left, pair.Right, token));

        // Every YAML text is visible to every spec, for `extends`. Unchanged inputs give equal
        // models, so an edit to one file re-emits only the experiments whose model changed.
        var parsed = specs
            .Where(spec => spec.IsExperiment)
            .Combine(specs.Collect())
            .Select((pair, token) => SpecParser.Parse(pair.Left, pair.Right, token))
            .WithTrackingName(ParseStep);

        var models = parsed
            .Select((result, _) => result.Model)
            .Where(model => model is not null)
            .Select((model, _) => model!)
            .WithTrackingName(ModelStep);

        context.RegisterSourceOutput(models, (output, model) =>
            output.AddSource($"{model.TypePrefix}.g.cs", SourceText.From(ExperimentEmitter.Emit(model), System.Text.Encoding.UTF8)));

        // A spec with errors gets stand-ins for its classes: once per name, and not where a valid spec has that name.
        var standIns = parsed
            .Select((result, _) => result.StandIn)
            .Where(standIn => standIn is not null)
            .Collect()
            .Combine(models.Select((model, _) => model.TypePrefix).Collect());
        context.RegisterSourceOutput(standIns, (output, pair) =>
        {
            foreach (var standIn in pair.Left.GroupBy(s => s!.TypePrefix).Select(g => g.First()!).Where(s => !pair.Right.Contains(s.TypePrefix)))
                output.AddSource($"{standIn.TypePrefix}.g.cs", SourceText.From(StandInEmitter.Emit(standIn), System.Text.Encoding.UTF8));
        });

        // The catalog exists whenever the project has an experiment, compiled or not: code that lists experiments must
        // not fail with "ExperimentCatalog does not exist" before the build shows a spec's YAML error. It lists the
        // experiments that compiled. A project with no experiment (one that merely references one that has) gets none,
        // so it sees the referenced project's catalog, not an empty one of its own.
        var catalog = models
            .Select((model, _) => new CatalogEntry(model.SpecName, $"global::{model.Namespace}.{model.ExperimentType}"))
            .Collect()
            .Combine(parsed.Collect().Select((all, _) => !all.IsEmpty));
        context.RegisterSourceOutput(catalog, (output, pair) =>
        {
            if (!pair.Right) return;
            output.AddSource(CatalogEmitter.HintName, SourceText.From(
                CatalogEmitter.Emit(ExperimentModelBuilder.Namespace, pair.Left.Select(e => (e.SpecName, e.TypeName))), System.Text.Encoding.UTF8));
        });
    }

    private sealed record CatalogEntry(string SpecName, string TypeName);
}
