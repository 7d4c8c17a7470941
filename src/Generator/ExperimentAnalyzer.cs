using System.Collections.Immutable;
using System.Linq;
using DeepDsl.Generator.Model;
using DeepDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepDsl.Generator;

/// <summary>
/// Reports the DSL's diagnostics for each experiment YAML, located in the YAML file, so `dotnet build`
/// prints `spec.yaml(12,7): error DDSL101: …` and the IDE shows them like compiler errors. An analyzer
/// rather than the generator reports them, as the Roslyn team recommends (dotnet/roslyn#49531): the IDE
/// surfaces analyzer diagnostics reliably, and severities from .editorconfig/.globalconfig and
/// TreatWarningsAsErrors apply to them the usual way.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExperimentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var options = start.Options;
            start.RegisterAdditionalFileAction(fileContext =>
            {
                var file = fileContext.AdditionalFile;
                if (!SpecFiles.IsYaml(file)) return;
                var spec = SpecFiles.Read(file, options.AnalyzerConfigOptionsProvider, fileContext.CancellationToken);
                if (!spec.IsExperiment) return;
                var all = options.AdditionalFiles.Where(SpecFiles.IsYaml)
                    .Select(f => SpecFiles.Read(f, options.AnalyzerConfigOptionsProvider, fileContext.CancellationToken))
                    .ToImmutableArray();
                var result = SpecParser.Parse(spec, all, fileContext.CancellationToken);
                foreach (var info in result.Diagnostics) fileContext.ReportDiagnostic(ToDiagnostic(info));
            });
        });
    }

    internal static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = Location.Create(info.FilePath, new TextSpan(info.Start, info.Length),
            new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        return Diagnostic.Create(Descriptors.For(info.Id), location, info.Message);
    }
}
