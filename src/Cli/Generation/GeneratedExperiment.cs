using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using DeepDsl.Experiments;
using DeepDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace DeepDsl.Cli.Generation;

/// <summary>
/// Runs the DeepDsl source generator in memory on one spec (and the files it extends), compiles the
/// generated C# against the runtime, and loads it — so what the CLI runs is always generated code,
/// also for a spec that belongs to no project. Compiled assemblies are cached by spec hash and tool
/// version, so a second run of the same spec starts at once.
/// </summary>
internal static class GeneratedExperiment
{
    /// <summary>The generated C# for the spec, exactly as a build would generate it.</summary>
    public static string Generate(string specPath, IReadOnlyList<string> involvedFiles)
    {
        var (_, generated) = RunGenerator(specPath, involvedFiles);
        return string.Join("\n", generated.Where(t => !t.FilePath.EndsWith(CatalogFile, StringComparison.Ordinal)).Select(t => t.ToString()));
    }

    /// <summary>Compiles (or takes from the cache) and instantiates the spec's experiment class.</summary>
    public static IExperiment Load(string specPath, IReadOnlyList<string> involvedFiles, string specHash)
    {
        var image = Compiled(specPath, involvedFiles, specHash);
        var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image));
        var type = assembly.GetTypes().Single(t => typeof(IExperiment).IsAssignableFrom(t) && !t.IsAbstract);
        return (IExperiment)Activator.CreateInstance(type)!;
    }

    /// <summary>
    /// Compiles the spec into the cache unless it is there already, without loading it. A sweep compiles all its trials
    /// this way in one process — Roslyn warmed up once — before starting them, so each trial process starts from the cache.
    /// </summary>
    public static void Precompile(string specPath, string specHash) => Compiled(specPath, [specPath], specHash);

    private static byte[] Compiled(string specPath, IReadOnlyList<string> involvedFiles, string specHash)
    {
        var cacheFile = Path.Combine(CacheFolder, $"{specHash}-{ToolVersion}.dll");
        if (File.Exists(cacheFile)) return File.ReadAllBytes(cacheFile);
        var image = Compile(specPath, involvedFiles);
        Directory.CreateDirectory(CacheFolder);
        IO.AtomicFile.Write(cacheFile, temp => File.WriteAllBytes(temp, image));
        return image;
    }

    private const string CatalogFile = "DeepDsl.ExperimentCatalog.g.cs";

    // $XDG_CACHE_HOME/deepdsl/compiled, as the XDG base directories say (~/.cache when it is not set).
    private static string CacheFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "deepdsl", "compiled");

    // Any change to the generator or the runtime gives a new version, so stale assemblies are never loaded.
    private static string ToolVersion =>
        (typeof(ExperimentGenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]) +
        (typeof(IExperiment).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]);

    private static byte[] Compile(string specPath, IReadOnlyList<string> involvedFiles)
    {
        var (compilation, _) = RunGenerator(specPath, involvedFiles);
        using var dll = new MemoryStream();
        var result = compilation.Emit(dll, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("The generated code did not compile — a DeepDsl bug; please report it with the spec:\n" + string.Join("\n", errors));
        }
        return dll.ToArray();
    }

    private static (Compilation Compilation, ImmutableArray<SyntaxTree> Generated) RunGenerator(string specPath, IReadOnlyList<string> involvedFiles)
    {
        var spec = Path.GetFullPath(specPath);
        var texts = involvedFiles.Select(Path.GetFullPath).Append(spec).Distinct(StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToImmutableArray();
        var compilation = CSharpCompilation.Create($"DeepDsl.Generated.{Guid.NewGuid():N}", [], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        var driver = CSharpGeneratorDriver.Create([new ExperimentGenerator().AsSourceGenerator()], texts,
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new InMemoryOptionsProvider(new HashSet<string>([spec], StringComparer.Ordinal)));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        var generated = updated.SyntaxTrees.Except(compilation.SyntaxTrees).ToImmutableArray();
        return (updated, generated);
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Append(typeof(IExperiment).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }
}
