namespace DeepDsl.Dsl.Diagnostics;

/// <summary>One finding about a spec: a value, never an exception.</summary>
public sealed record DslDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>MSBuild's canonical form: path(line,col): error DDSL101: message.</summary>
    public override string ToString() =>
        $"{Location.File}({Location.StartLine + 1},{Location.StartColumn + 1}): {SeverityText(Severity)} {Id}: {Message}";

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
