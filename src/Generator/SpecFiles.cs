using System;
using System.Threading;
using DeepDsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepDsl.Generator;

/// <summary>Which additional files are specs, and reading them into equatable values.</summary>
internal static class SpecFiles
{
    public const string ExperimentMetadata = "build_metadata.AdditionalFiles.DeepDslExperiment";

    public static bool IsYaml(AdditionalText file) =>
        file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static SpecText Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken token)
    {
        var marked = options.GetOptions(file).TryGetValue(ExperimentMetadata, out var value) &&
                     string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return new SpecText(file.Path, file.GetText(token)?.ToString() ?? "", marked);
    }
}
