using System.Collections.Generic;

namespace DeepDsl.Dsl.Diagnostics;

/// <summary>Severity overrides (from .editorconfig / .globalconfig) and warn-as-error, applied to every diagnostic.</summary>
public sealed record DiagnosticOptions(IReadOnlyDictionary<string, DiagnosticSeverity>? Overrides = null, bool WarningsAsErrors = false)
{
    public static readonly DiagnosticOptions Default = new DiagnosticOptions();

    public DiagnosticSeverity Effective(string id, DiagnosticSeverity severity)
    {
        if (Overrides is not null && Overrides.TryGetValue(id, out var configured)) severity = configured;
        return WarningsAsErrors && severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : severity;
    }
}
