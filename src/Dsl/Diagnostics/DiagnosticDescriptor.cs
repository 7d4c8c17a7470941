namespace DeepDsl.Dsl.Diagnostics;

/// <summary>A kind of diagnostic: id, title, default severity, and its documentation page.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, DiagnosticSeverity DefaultSeverity, string Category)
{
    /// <summary>
    /// Where the page is, relative to the root of the repository and of the DeepDsl package (both hold docs/diagnostics/;
    /// the tool carries the pages inside the language's assembly). There is no public web address to link to, so links
    /// are to these files.
    /// </summary>
    public string HelpLink => $"docs/diagnostics/{Id}.md";

    /// <summary>The command that prints the page from any installation (<see cref="DiagnosticPages"/>).</summary>
    public string ExplainCommand => $"deepdsl explain {Id}";
}
