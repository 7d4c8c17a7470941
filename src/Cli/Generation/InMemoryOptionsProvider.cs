using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepDsl.Cli.Generation;

/// <summary>
/// The analyzer-config options a build would give the generator: which additional files are
/// experiments (build_metadata.AdditionalFiles.DeepDslExperiment), so the CLI drives it exactly as
/// `dotnet build` does.
/// </summary>
internal sealed class InMemoryOptionsProvider(IReadOnlySet<string> experimentPaths) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(experimentPaths.Contains(textFile.Path)
            ? ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.DeepDslExperiment", "true")
            : ImmutableDictionary<string, string>.Empty);

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
