using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// 10,000 random mutations of the example experiments (deleted and duplicated lines, changed values
/// and types, truncation, random bytes) never throw out of the language (their speed is measured in bench/Dsl.Bench).
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public void Ten_thousand_mutated_specs_give_a_spec_or_diagnostics_never_an_exception()
    {
        var folder = Repository.Experiments;
        var originals = Directory.GetFiles(folder, "*.yaml").ToDictionary(f => f, File.ReadAllText);
        var random = new Random(20261122);
        // Warm up (JIT, YamlDotNet's first use) so the time bound measures the language, not the runtime starting.
        foreach (var file in originals.Keys) SpecCompiler.Compile(file, new InMemoryFileSystem(originals));
        for (var i = 0; i < 10_000; i++)
        {
            var files = new Dictionary<string, string>(originals);
            var target = originals.Keys.ElementAt(random.Next(originals.Count));
            files[target] = Mutations.Apply(originals[target], random);
            var result = SpecCompiler.Compile(target, new InMemoryFileSystem(files));
            Assert.True(result.Spec is not null || result.Diagnostics.Count > 0, $"mutation {i} gave neither a spec nor diagnostics:\n{files[target]}");
            // The compiler turns a bug into an "internal error" diagnostic rather than throw at its caller; fuzzing must find none.
            Assert.True(!result.Diagnostics.Any(d => d.Message.Contains("internal error")), $"mutation {i}: {string.Join("; ", result.Diagnostics)}\n{files[target]}");
        }
    }

}
