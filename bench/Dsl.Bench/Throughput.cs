using System.Diagnostics;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Bench;

/// <summary>
/// Specs per second through the whole language — parse, resolve `extends`, bind, expand, validate,
/// canonical text and hash — on one thread, cycling over the example specs (whose extends chains are
/// 1 to 4 files deep, each parsed anew: nothing is cached between compilations).
/// </summary>
public static class Throughput
{
    public static string Run(IReadOnlyDictionary<string, string> specs, int count)
    {
        var files = new InMemoryFileSystem(specs);
        var paths = specs.Keys.ToArray();
        for (var i = 0; i < 2_000; i++) SpecCompiler.Compile(paths[i % paths.Length], files);   // warm up: JIT and tiering
        var rounds = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count / 5; i++)
                if (SpecCompiler.Compile(paths[i % paths.Length], files).HasErrors) throw new InvalidOperationException("an example spec has errors");
            rounds.Add(count / 5 / clock.Elapsed.TotalSeconds);
        }
        rounds.Sort();
        return $"dsl specs_per_second={rounds[2]:F0} (median of 5 rounds of {count / 5:N0}; parse+resolve+validate, one thread; min {rounds[0]:F0}, max {rounds[4]:F0})";
    }
}
