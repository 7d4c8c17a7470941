using System.Diagnostics;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Bench;

/// <summary>The test suite's fuzzing at a larger scale: mutated example specs never throw and each compiles quickly.</summary>
public static class FuzzRun
{
    public static string Run(IReadOnlyDictionary<string, string> specs, int count)
    {
        var random = new Random(7);
        var paths = specs.Keys.ToArray();
        var slowest = 0.0;
        var withSpec = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var target = paths[random.Next(paths.Length)];
            var mutated = Mutations.Apply(specs[target], random);
            var files = new InMemoryFileSystem(new Dictionary<string, string>(specs) { [target] = mutated });
            var one = Stopwatch.StartNew();
            var result = SpecCompiler.Compile(target, files);
            slowest = Math.Max(slowest, one.Elapsed.TotalMilliseconds);
            if (result.Spec is null && result.Diagnostics.Count == 0) throw new InvalidOperationException($"neither a spec nor diagnostics:\n{mutated}");
            if (result.Spec is not null) withSpec++;
            if (result.Diagnostics.Any(d => d.Message.Contains("internal error"))) throw new InvalidOperationException($"internal error: {string.Join("; ", result.Diagnostics)}\n{mutated}");
        }
        return $"fuzz mutations={count} seconds={clock.Elapsed.TotalSeconds:F1} slowest_ms={slowest:F1} still_valid={withSpec}";
    }
}
