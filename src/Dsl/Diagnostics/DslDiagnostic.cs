namespace DeepDsl.Dsl.Diagnostics;

/// <summary>One finding about a spec: a value, never an exception.</summary>
public sealed record DslDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>
    /// The one obvious fix, when the rule knows it: the text that replaces the word the diagnostic points at (the value
    /// it flags, or the kind of the layer it flags). Editors offer it (the language server's quick fixes); validate and
    /// the generator print only the message.
    /// </summary>
    public string? Fix { get; init; }

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
