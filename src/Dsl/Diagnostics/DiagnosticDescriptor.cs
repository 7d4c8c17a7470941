namespace DeepDsl.Dsl.Diagnostics;

/// <summary>A kind of diagnostic: id, title, default severity, and its documentation page.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, DiagnosticSeverity DefaultSeverity, string Category)
{
    public string HelpLink => $"docs/diagnostics/{Id}.md";
}
