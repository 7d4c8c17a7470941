using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// A diagnostic's `codeDescription.href`: a file URI to its page, docs/diagnostics/DDSLnnn.md, in the checkout or
/// installation the server runs from (the nearest folder above the tool holding it), as the analyzer links into its
/// package (src/Generator/HelpLinks). Where there is no such file there is no link rather than a wrong one.
/// </summary>
internal static class DiagnosticPageLinks
{
    private static readonly string? Root = FindRoot(AppContext.BaseDirectory);

    public static string? For(string id)
    {
        var descriptor = Descriptors.All.FirstOrDefault(d => d.Id == id);
        if (descriptor is null || Root is null) return null;
        var page = Path.Combine(Root, descriptor.HelpLink);
        return File.Exists(page) ? new Uri(page).AbsoluteUri : null;
    }

    private static string? FindRoot(string from)
    {
        for (var dir = Path.GetFullPath(from); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, "docs", "diagnostics"))) return dir;
        return null;
    }
}
