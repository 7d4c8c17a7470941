using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Generator.Model;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Naming;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Generator.Parsing;

/// <summary>
/// The generator's parser stage: runs the language (src/Dsl) on one spec, with every YAML text of the
/// compilation available for `extends`, and turns the result into equatable values — the model to
/// emit (only when there are no errors) and the diagnostics.
/// </summary>
internal static class SpecParser
{
    public static ParsedExperiment Parse(SpecText spec, ImmutableArray<SpecText> all, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var files = new InMemoryFileSystem(all.GroupBy(s => System.IO.Path.GetFullPath(s.Path)).ToDictionary(g => g.Key, g => g.First().Text));
        // Severities are left at their defaults here: Roslyn applies .editorconfig/.globalconfig to the reported diagnostics.
        var compilation = SpecCompiler.Compile(spec.Path, files);
        var diagnostics = new EquatableArray<DiagnosticInfo>(compilation.Diagnostics.Select(d => new DiagnosticInfo(
            d.Id, d.Message, d.Location.File, d.Location.Start, d.Location.Length,
            d.Location.StartLine, d.Location.StartColumn, d.Location.EndLine, d.Location.EndColumn)));
        var model = compilation.Spec is { } resolved ? ExperimentModelBuilder.Build(resolved, System.IO.Path.GetFullPath(spec.Path)) : null;
        var standIn = model is null && compilation.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } first && NameWritten(spec) is { } name
            ? new StandIn(ExperimentModelBuilder.Namespace, Names.Identifier(name), name, first.ToString())
            : null;
        return new ParsedExperiment(spec.Path, model, diagnostics, compilation.HasErrors, standIn);
    }

    /// <summary>The `name:` the file itself writes, when it is a valid experiment name (the classes are named after it).</summary>
    private static string? NameWritten(SpecText spec)
    {
        var root = YamlLoader.Load(spec.Path, spec.Text, new List<DslDiagnostic>()) as YMapping;
        var name = root?.Entries.FirstOrDefault(e => e.Key.Text == "name").Value as YScalar;
        return name is not null && Names.IsValid(name.Text) ? name.Text : null;
    }
}
