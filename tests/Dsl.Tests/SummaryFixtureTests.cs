using System.Text.Json;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// The shapes and parameter counts the language infers (what `deepdsl show --summary` prints) against the ones PyTorch
/// computes for the same networks built from torch.nn modules (tests/fixtures/generate_summary_fixtures.py).
/// </summary>
public sealed class SummaryFixtureTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tests", "Dsl.Tests", "Fixtures", "summary.json"))).RootElement.GetProperty("specs");

    public static TheoryData<string> Specs() => new(Fixture.EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_layer_has_the_shape_and_parameters_pytorch_gives_it(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Repository.Root, relativePath));
        var compilation = SpecCompiler.Compile(path, new InMemoryFileSystem(new Dictionary<string, string> { [path] = File.ReadAllText(path) }));
        Assert.True(compilation.Spec is not null, string.Join("; ", compilation.Diagnostics));
        var shapes = ShapeInference.Infer(compilation.Spec!.Model);
        Assert.Null(shapes.Error);
        var expected = Fixture.GetProperty(relativePath);
        Assert.Equal(
            expected.GetProperty("layers").EnumerateArray().Select(l => $"{l.GetProperty("name").GetString()} [{string.Join(", ", l.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()))}] {l.GetProperty("parameters").GetInt64()}"),
            shapes.Layers.Select(l => $"{l.Layer.Name} {l.Output} {l.Parameters}"));
        Assert.Equal(expected.GetProperty("total").GetInt64(), shapes.TotalParameters);
    }
}
