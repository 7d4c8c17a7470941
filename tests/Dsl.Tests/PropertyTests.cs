using DeepDsl.Dsl.Diffing;
using DeepDsl.Dsl.Formatting;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// Properties of the formatter and the semantic diff over many specs made from the examples with a
/// fixed seed: formatting is idempotent, keeps comments and never changes the resolved spec; a spec's
/// diff with itself is empty; diffs mirror; a diff is empty exactly when the content hashes agree.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Dictionary<string, string> Examples = Directory.GetFiles(Repository.Experiments, "*.yaml").ToDictionary(f => f, File.ReadAllText);

    [Fact]
    public void Formatting_is_idempotent_and_keeps_the_resolved_spec_for_any_text_that_parses()
    {
        var random = new Random(31);
        var checkedValid = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var (path, text) = Pick(random);
            var mutated = Mutations.Apply(text, random);
            var once = SpecFormatter.Format(path, mutated, []);
            if (once is null) continue;
            var twice = SpecFormatter.Format(path, once, []);
            Assert.True(once == twice, $"formatting twice changed it:\n{mutated}\n--- once:\n{once}\n--- twice:\n{twice}");
            if (Compile(path, mutated) is not { } before) continue;
            Assert.Equal(before, Compile(path, once));
            checkedValid++;
        }
        Assert.True(checkedValid > 100, $"only {checkedValid} mutations stayed valid");
    }

    [Fact]
    public void Formatting_keeps_every_comment()
    {
        var random = new Random(32);
        for (var i = 0; i < 500; i++)
        {
            var (path, text) = Pick(random);
            var (commented, markers) = Mutations.AddComments(text, random);
            var formatted = SpecFormatter.Format(path, commented, []);
            Assert.NotNull(formatted);
            foreach (var marker in markers) Assert.True(formatted.Contains(marker), $"{marker} lost:\n{commented}\n---\n{formatted}");
            Assert.Equal(Compile(path, text), Compile(path, formatted));
        }
    }

    [Fact]
    public void Diffs_are_empty_for_a_spec_and_itself_mirror_and_agree_with_the_content_hash()
    {
        var random = new Random(33);
        for (var i = 0; i < 1_000; i++)
        {
            var (path, text) = Pick(random);
            var x = Compile(path, text)!;
            var changed = random.Next(2) == 0 ? Mutations.ChangeNumbers(text, random) : Mutations.Apply(text, random);
            if (Compile(path, changed) is not { } y) continue;
            Assert.Empty(SemanticDiff.Compare(y, y));
            var forward = SemanticDiff.Compare(x, y);
            var backward = SemanticDiff.Compare(y, x);
            // Layer alignment may pair layers differently in the two directions; settings outside layer lists mirror exactly.
            static bool Setting(SettingChange c) => !c.Path.StartsWith("model.layers[", StringComparison.Ordinal);
            Assert.Equal(forward.Where(Setting).Select(c => (c.Path, c.Old, c.New)), backward.Where(Setting).Select(c => (c.Path, c.New, c.Old)));
            Assert.Equal(x.ContentHash == y.ContentHash, forward.Count == 0);
        }
    }

    private static (string Path, string Text) Pick(Random random)
    {
        var path = Examples.Keys.ElementAt(random.Next(Examples.Count));
        return (path, Examples[path]);
    }

    private static ExperimentSpec? Compile(string path, string text) =>
        SpecCompiler.Compile(path, new InMemoryFileSystem(new Dictionary<string, string>(Examples) { [path] = text })).Spec;
}
