using System;
using DslDiagnostics = DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Generator;

/// <summary>
/// The one place a diagnostic's help link is made. There is no public web address for the pages; the DeepDsl package
/// carries them (docs/diagnostics/ beside analyzers/), so the link is a file URI to the page in the package the analyzer
/// was loaded from — a file the user has. Anywhere else (a repository build, a host that copied the analyzer away) there
/// is no link rather than a wrong one; `deepdsl explain DDSLnnn` prints the page from any installation.
/// </summary>
internal static class HelpLinks
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <param name="analyzerPath">Where the analyzer's assembly was loaded from (empty when loaded from bytes).</param>
    public static string For(DslDiagnostics.DiagnosticDescriptor descriptor, string analyzerPath)
    {
        var path = analyzerPath.Replace('\\', '/');
        var at = path.LastIndexOf("/" + AnalyzerFolder, StringComparison.Ordinal);
        if (at < 0 || path.IndexOf('/', at + AnalyzerFolder.Length + 1) >= 0) return "";
        return new Uri(path.Substring(0, at + 1) + descriptor.HelpLink).AbsoluteUri;
    }
}
