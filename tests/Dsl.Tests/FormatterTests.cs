using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

public sealed class FormatterTests
{
    private static readonly string Folder = Repository.Experiments;

    public static TheoryData<string> Examples() => new(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Formatting_is_idempotent_keeps_comments_and_keeps_the_meaning(string name)
    {
        var path = Path.Combine(Folder, name);
        var original = File.ReadAllText(path);
        var once = Format(path, original);
        Assert.Equal(once, Format(path, once));
        foreach (var comment in original.Split('\n').Select(l => l.IndexOf(" #", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 1)..].Trim() : l.TrimStart().StartsWith('#') ? l.Trim() : null).OfType<string>())
            Assert.Contains(comment, once);
        var files = Directory.GetFiles(Folder, "*.yaml").ToDictionary(f => f, File.ReadAllText);
        var before = SpecCompiler.Compile(path, new InMemoryFileSystem(files)).Spec!;
        files[path] = once;
        var after = SpecCompiler.Compile(path, new InMemoryFileSystem(files)).Spec!;
        Assert.Equal(before, after);
    }

    [Fact]
    public void Keys_go_in_schema_order_with_sections_in_block_style()
    {
        var formatted = Format("/s.yaml", "training: { epochs: 5, loss: mse, optimizer: adam }  # why\n# about the name\nname: x\n");
        Assert.Equal("# about the name\nname: x\ntraining:  # why\n  loss: mse\n  optimizer: adam\n  epochs: 5\n", formatted);
    }

    [Fact]
    public void A_residual_block_keeps_one_layer_per_line_like_the_model()
    {
        var formatted = Format("/s.yaml", "model:\n  layers:\n    - residual: { activation: relu, layers: [batch_norm, { conv2d: { kernel_size: 3, filters: 8 } }] }  # shortcut\n");
        Assert.Equal("model:\n  layers:\n    - residual:  # shortcut\n        layers:\n          - batch_norm\n          - conv2d: { filters: 8, kernel_size: 3 }\n        activation: relu\n", formatted);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_not_formatted()
    {
        var diagnostics = new List<DslDiagnostic>();
        Assert.Null(SpecFormatter.Format("/bad.yaml", "a: [1, 2\n", diagnostics));
        Assert.Contains(diagnostics, d => d.Id == "DDSL001");
    }

    private static string Format(string path, string text) => SpecFormatter.Format(path, text, [])!;

}
