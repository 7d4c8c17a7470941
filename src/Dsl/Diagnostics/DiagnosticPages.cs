using System.IO;

namespace DeepDsl.Dsl.Diagnostics;

/// <summary>
/// The documentation page of each diagnostic (docs/diagnostics/DDSLnnn.md), embedded in the language's assembly when it
/// is built, so the page is wherever the language is — the tool, the DeepDsl package, the repository — and a help link
/// never points at an address a user cannot open.
/// </summary>
public static class DiagnosticPages
{
    /// <summary>The Markdown page of <paramref name="id"/>, or null when the language has no such diagnostic.</summary>
    public static string? Read(string id)
    {
        using var stream = typeof(DiagnosticPages).Assembly.GetManifestResourceStream($"DeepDsl.Dsl.Diagnostics.Pages.{id}.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
