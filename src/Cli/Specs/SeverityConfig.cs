using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Cli.Specs;

/// <summary>
/// Reads `dotnet_diagnostic.DDSLnnn.severity = …` from .globalconfig and .editorconfig files in the
/// spec's folder and above (nearer files win), as the build does, so the CLI and `dotnet build` agree.
/// </summary>
internal static class SeverityConfig
{
    public static IReadOnlyDictionary<string, DiagnosticSeverity> For(string specPath)
    {
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        var folders = new List<string>();
        for (var dir = Path.GetDirectoryName(specPath); dir is not null; dir = Path.GetDirectoryName(dir)) folders.Add(dir);
        foreach (var folder in Enumerable.Reverse(folders))
            foreach (var name in new[] { ".globalconfig", ".editorconfig" })
            {
                var file = Path.Combine(folder, name);
                if (!File.Exists(file)) continue;
                var applies = true;
                foreach (var raw in File.ReadLines(file))
                {
                    var line = raw.Trim();
                    if (line.StartsWith('[')) applies = line is "[*]" or "[*.yaml]" or "[*.{yaml,yml}]" or "[*.yml]";
                    if (!applies || !line.StartsWith("dotnet_diagnostic.", StringComparison.OrdinalIgnoreCase)) continue;
                    var parts = line.Split('=', 2);
                    var key = parts[0].Trim().Split('.');
                    if (parts.Length == 2 && key.Length == 3 && key[2].Equals("severity", StringComparison.OrdinalIgnoreCase) && Parse(parts[1].Trim()) is { } severity)
                        result[key[1]] = severity;
                }
            }
        return result;
    }

    private static DiagnosticSeverity? Parse(string text) => text.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "suggestion" or "info" => DiagnosticSeverity.Info,
        "silent" or "hidden" => DiagnosticSeverity.Hidden,
        "none" => DiagnosticSeverity.None,
        _ => null,
    };
}
