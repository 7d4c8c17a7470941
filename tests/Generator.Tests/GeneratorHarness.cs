using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.Loader;
using DeepDsl.Experiments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepDsl.Generator.Tests;

/// <summary>Drives the generator with CSharpGeneratorDriver over YAML texts, as a build does, and compiles the result.</summary>
internal sealed class GeneratorHarness
{
    private GeneratorDriver driver;
    private readonly CSharpCompilation compilation;

    public GeneratorHarness()
    {
        driver = CSharpGeneratorDriver.Create([new ExperimentGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        compilation = CSharpCompilation.Create($"Experiments{Guid.NewGuid():N}", [], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public GeneratorDriverRunResult Run(IReadOnlyList<(string Path, string Text)> specs)
    {
        var texts = specs.Select(s => (AdditionalText)new Text(s.Path, s.Text)).ToImmutableArray();
        var options = new Options(specs.Select(s => s.Path).ToHashSet());
        driver = driver.ReplaceAdditionalTexts(texts).WithUpdatedAnalyzerConfigOptions(options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        Compiled = updated;
        return driver.GetRunResult();
    }

    public Compilation? Compiled { get; private set; }

    public static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(IExperiment).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));

    public IExperiment LoadExperiment(string typeName)
    {
        using var stream = new MemoryStream();
        var emit = Compiled!.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(stream.ToArray()));
        return (IExperiment)Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;
    }

    public static IReadOnlyList<(string Path, string Text)> ExperimentFiles() =>
        Directory.GetFiles(Repository.Experiments, "*.yaml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
    }

    private sealed class Options(HashSet<string> experiments) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(false);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(experiments.Contains(textFile.Path));

        private sealed class Values(bool experiment) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = experiment && key == "build_metadata.AdditionalFiles.DeepDslExperiment" ? "true" : null;
                return value is not null;
            }
        }
    }
}
