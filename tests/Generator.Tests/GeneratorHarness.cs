using System.Collections.Immutable;
using System.Runtime.Loader;
using DeepDsl.Experiments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
        var texts = specs.Select(s => (AdditionalText)new Cli.Generation.InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var options = new Cli.Generation.InMemoryOptionsProvider(specs.Select(s => s.Path).ToHashSet());
        driver = driver.ReplaceAdditionalTexts(texts).WithUpdatedAnalyzerConfigOptions(options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        Compiled = updated;
        return driver.GetRunResult();
    }

    public Compilation? Compiled { get; private set; }

    public static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(IExperiment).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));

    public IExperiment LoadExperiment(string typeName) =>
        (IExperiment)Activator.CreateInstance(Load().GetType(typeName, throwOnError: true)!)!;

    /// <summary>Every experiment the run generated, by spec name.</summary>
    public IReadOnlyDictionary<string, IExperiment> LoadExperiments() =>
        Load().GetTypes().Where(t => typeof(IExperiment).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (IExperiment)Activator.CreateInstance(t)!).ToDictionary(e => e.Name);

    private System.Reflection.Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Compiled!.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(stream.ToArray()));
    }

    public static IReadOnlyList<(string Path, string Text)> ExperimentFiles() =>
        Directory.GetFiles(Repository.Experiments, "*.yaml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
}
