using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using DslDiagnostics = DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Generator;

/// <summary>
/// The Roslyn descriptors of the DSL's diagnostics: one per id of the language's single list, with its help page. The
/// pages ship in the DeepDsl package (docs/diagnostics/), so the help link is that file where the analyzer runs from the
/// package; elsewhere (the repository's own build) there is no link, and the description names `deepdsl explain`.
/// </summary>
internal static class Descriptors
{
    private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = DslDiagnostics.Descriptors.All.ToDictionary(d => d.Id, Create);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ById.Values.ToImmutableArray();

    public static DiagnosticDescriptor For(string id) => ById[id];

    private static DiagnosticDescriptor Create(DslDiagnostics.DiagnosticDescriptor d) =>
        new(d.Id, d.Title, "{0}", "DeepDsl." + d.Category, Severity(d.DefaultSeverity), isEnabledByDefault: true,
            description: $"{d.Title}. Why, and how to fix it: {d.ExplainCommand}, or {d.HelpLink} in the DeepDsl package.",
            helpLinkUri: HelpLinks.For(d, typeof(Descriptors).Assembly.Location));

    public static DiagnosticSeverity Severity(DslDiagnostics.DiagnosticSeverity severity) => severity switch
    {
        DslDiagnostics.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        DslDiagnostics.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        DslDiagnostics.DiagnosticSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
