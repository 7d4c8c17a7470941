using System.Collections.Immutable;
using System.Diagnostics;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Benchmarks of the language and the generator; results in docs/performance.md.
//   dotnet run -c Release --project bench/Toolchain.Bench -- [dsl|fuzz|generator|compile|lsp|board]
var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "DeepDsl.sln"))) root = Path.GetDirectoryName(root)!;
var folder = Path.Combine(root, "experiments", "cifar10");
var specs = Directory.GetFiles(folder, "*.yaml").ToDictionary(f => f, File.ReadAllText);
var mode = args.Length > 0 ? args[0] : "all";

if (mode is "dsl" or "all")
{
    // parse + resolve (extends) + validate, one thread, 5,000 compilations of the exercise specs.
    var files = new InMemoryFileSystem(specs);
    foreach (var f in specs.Keys) SpecCompiler.Compile(f, files);
    var clock = Stopwatch.StartNew();
    const int count = 5_000;
    for (var i = 0; i < count; i++) SpecCompiler.Compile(specs.Keys.ElementAt(i % specs.Count), files);
    Console.WriteLine($"dsl specs_per_second={count / clock.Elapsed.TotalSeconds:F0} (parse+resolve+validate, one thread)");
}

if (mode is "fuzz" or "all")
{
    // The test suite's fuzzing, ten times larger: 100,000 mutations.
    var random = new Random(7);
    var slowest = 0.0;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < 100_000; i++)
    {
        var target = specs.Keys.ElementAt(random.Next(specs.Count));
        var text = specs[target].ToCharArray();
        for (var k = random.Next(1, 6); k > 0; k--) text[random.Next(text.Length)] = (char)random.Next(1, 128);
        var files = new InMemoryFileSystem(new Dictionary<string, string>(specs) { [target] = new string(text, 0, random.Next(1, text.Length + 1)) });
        var one = Stopwatch.StartNew();
        SpecCompiler.Compile(target, files);
        slowest = Math.Max(slowest, one.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"fuzz mutations=100000 seconds={clock.Elapsed.TotalSeconds:F1} slowest_ms={slowest:F1}");
}

if (mode is "generator" or "all")
{
    // 100 specs: the five exercise specs renamed twenty times each (distinct experiments).
    var many = Enumerable.Range(0, 100).Select(i =>
    {
        var (path, text) = specs.ElementAt(i % specs.Count);
        return ((AdditionalText)new DeepDsl.Cli.Generation.InMemoryAdditionalText(Path.Combine(folder, $"copy{i}-{Path.GetFileName(path)}"),
            System.Text.RegularExpressions.Regex.Replace(text.Replace("extends: ", "extends: ../cifar10/"), @"(?m)^name: (\S+)", $"name: $1-copy{i}")));
    }).Concat(specs.Select(s => (AdditionalText)new DeepDsl.Cli.Generation.InMemoryAdditionalText(s.Key, s.Value))).ToImmutableArray();
    var experimentPaths = many.Take(100).Select(t => t.Path).ToHashSet();
    var compilation = CSharpCompilation.Create("bench", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    GeneratorDriver Driver() => CSharpGeneratorDriver.Create([new ExperimentGenerator().AsSourceGenerator()], many,
        CSharpParseOptions.Default, new DeepDsl.Cli.Generation.InMemoryOptionsProvider(experimentPaths));
    for (var i = 0; i < 3; i++) Driver().RunGenerators(compilation);   // warm up
    var runs = Enumerable.Range(0, 5).Select(_ => { var c = Stopwatch.StartNew(); Driver().RunGenerators(compilation); return c.Elapsed.TotalMilliseconds; }).Order().ToList();
    Console.WriteLine($"generator full_run_100_specs_ms={runs[2]:F0} (median of 5)");

    var driver = Driver().RunGenerators(compilation);
    var edits = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var edited = many.Select((t, k) => k == 0 ? new DeepDsl.Cli.Generation.InMemoryAdditionalText(t.Path, t.GetText()!.ToString().Replace("epochs: 100", $"epochs: {101 + i}")) : t).ToImmutableArray();
        var clock = Stopwatch.StartNew();
        driver = driver.ReplaceAdditionalTexts(edited).RunGenerators(compilation);
        edits.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"generator incremental_one_file_edit_ms={edits.Skip(2).Order().ElementAt(4):F0} (median after warm-up)");
}

if (mode is "compile" or "all")
{
    var spec = Path.Combine(folder, "selu.yaml");
    var compilation = SpecCompiler.Compile(spec, DeepDsl.Cli.Specs.ProjectFileSystem.Instance);
    var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "deepdsl", "compiled");
    foreach (var stale in Directory.Exists(cache) ? Directory.GetFiles(cache, compilation.Spec!.ContentHash + "*") : []) File.Delete(stale);
    var cold = Stopwatch.StartNew();
    DeepDsl.Cli.Generation.GeneratedExperiment.Load(spec, compilation.Files.ToList(), compilation.Spec!.ContentHash);
    var coldMs = cold.Elapsed.TotalMilliseconds;
    var cached = Stopwatch.StartNew();
    DeepDsl.Cli.Generation.GeneratedExperiment.Load(spec, compilation.Files.ToList(), compilation.Spec!.ContentHash);
    Console.WriteLine($"compile in_memory_cold_ms={coldMs:F0} cached_ms={cached.Elapsed.TotalMilliseconds:F0} (selu.yaml, first compilation in the process)");
}

if (mode is "lsp" or "all")
{
    // deepdsl lsp, as an editor starts it: time from a didChange to its publishDiagnostics, per exercise spec.
    using var server = new DeepDsl.Bench.LanguageServerLatency(Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), root);
    foreach (var line in server.Measure(specs, warmUp: 40, edits: 300)) Console.WriteLine(line);
}

if (mode is "board" or "all")
{
    // deepdsl board over 1,000 runs: from starting the process to its first page (HTML, styles, scripts, runs JSON).
    foreach (var line in new DeepDsl.Bench.BoardFirstPage(Path.Combine(AppContext.BaseDirectory, "deepdsl.dll")).Measure(runs: 1000, repeats: 20))
        Console.WriteLine(line);
}
