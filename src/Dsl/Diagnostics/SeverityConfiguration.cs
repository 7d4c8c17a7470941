using System;
using System.Collections.Generic;
using System.IO;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Diagnostics;

/// <summary>
/// Severities configured as the .NET build configures analyzer diagnostics —
/// `dotnet_diagnostic.DDSL101.severity = warning` in a `.globalconfig` or `.editorconfig` in the spec's
/// folder or above — so `deepdsl validate` and `dotnet build` agree. Files are read through the
/// <see cref="ISpecFileSystem"/>, like the specs themselves.
/// </summary>
/// <remarks>
/// Enough of the formats for severities: lines outside any section (a .globalconfig's) and in the
/// sections `[*]`, `[*.yaml]`, `[*.yml]`, `[*.{yaml,yml}]` apply; other sections do not. Nearer files
/// win over farther ones, an .editorconfig over a .globalconfig in the same folder, later lines over
/// earlier ones; `root = true` in an .editorconfig stops the search upwards.
/// </remarks>
public static class SeverityConfiguration
{
    private static readonly string[] FileNames = [".globalconfig", ".editorconfig"];

    /// <summary>The options for compiling the spec at <paramref name="specPath"/>: its configured severities and the warn-as-error flag.</summary>
    public static DiagnosticOptions For(string specPath, ISpecFileSystem files, bool warningsAsErrors = false) =>
        new(Find(Path.GetFullPath(specPath), files), warningsAsErrors);

    /// <summary>Every configured severity that applies to the spec at <paramref name="specFullPath"/>.</summary>
    public static IReadOnlyDictionary<string, DiagnosticSeverity> Find(string specFullPath, ISpecFileSystem files)
    {
        var texts = new List<string>();   // nearest first
        for (var folder = Path.GetDirectoryName(specFullPath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var isRoot = false;
            for (var i = FileNames.Length - 1; i >= 0; i--)
            {
                if (files.Read(Path.Combine(folder, FileNames[i])).Text is not { } text) continue;
                texts.Add(text);
                isRoot |= FileNames[i] == ".editorconfig" && IsRoot(text);
            }
            if (isRoot) break;
        }
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        for (var i = texts.Count - 1; i >= 0; i--)
            foreach (var entry in Parse(texts[i])) result[entry.Key] = entry.Value;
        return result;
    }

    /// <summary>The `dotnet_diagnostic.ID.severity` settings of one config file that apply to YAML specs.</summary>
    public static IReadOnlyDictionary<string, DiagnosticSeverity> Parse(string text)
    {
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        var applies = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                applies = line is "[*]" or "[*.yaml]" or "[*.yml]" or "[*.{yaml,yml}]" or "[*.{yml,yaml}]";
                continue;
            }
            if (!applies || !TrySplit(line, out var key, out var value)) continue;
            var parts = key.Split('.');
            if (parts.Length != 3 || !parts[0].Equals("dotnet_diagnostic", StringComparison.OrdinalIgnoreCase) ||
                !parts[2].Equals("severity", StringComparison.OrdinalIgnoreCase)) continue;
            if (value.Equals("default", StringComparison.OrdinalIgnoreCase)) result.Remove(parts[1]);
            else if (Severity(value) is { } severity) result[parts[1]] = severity;
        }
        return result;
    }

    private static bool IsRoot(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("[", StringComparison.Ordinal)) return false;   // root must come before the first section
            if (TrySplit(line, out var key, out var value) && key.Equals("root", StringComparison.OrdinalIgnoreCase))
                return value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static bool TrySplit(string line, out string key, out string value)
    {
        var at = line.IndexOf('=');
        key = at < 0 ? "" : line.Substring(0, at).Trim();
        var rest = at < 0 ? "" : line.Substring(at + 1);
        var comment = rest.IndexOfAny(['#', ';']);
        value = (comment < 0 ? rest : rest.Substring(0, comment)).Trim();
        return at > 0;
    }

    // The names .editorconfig uses (error, warning, suggestion, silent, none) and the language's own.
    private static DiagnosticSeverity? Severity(string text) => text.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "suggestion" or "info" => DiagnosticSeverity.Info,
        "silent" or "hidden" => DiagnosticSeverity.Hidden,
        "none" => DiagnosticSeverity.None,
        _ => null,
    };
}
