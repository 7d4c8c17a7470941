using DeepDsl.Dsl.Diffing;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

public sealed class SemanticDiffTests
{
    private static readonly string Folder = Repository.Examples;

    public static TheoryData<string, string> Pairs() => new()
    {
        { "base.yaml", "batch-norm.yaml" }, { "selu.yaml", "alpha-dropout.yaml" }, { "alpha-dropout.yaml", "one-cycle.yaml" }, { "base.yaml", "selu.yaml" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_diff_mirrors_its_reverse_and_a_spec_equals_itself(string a, string b)
    {
        var x = Load(a);
        var y = Load(b);
        Assert.Empty(SemanticDiff.Compare(x, x));
        var forward = SemanticDiff.Compare(x, y);
        var backward = SemanticDiff.Compare(y, x);
        Assert.NotEmpty(forward);
        Assert.Equal(forward.Select(c => (c.Path, c.Old, c.New)), backward.Select(c => (c.Path, c.New, c.Old)));
    }

    [Fact]
    public void Formatting_comments_and_values_equal_to_defaults_do_not_count()
    {
        var files = new Dictionary<string, string>
        {
            ["/a.yaml"] = Specs.Valid,
            ["/b.yaml"] = "# reformatted\n" + Specs.Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "\n    nadam:\n      beta_2: 0.999\n      lr: 1e-3") + "\nseed: 42\nversion: 1\n",
        };
        var a = SpecCompiler.Compile("/a.yaml", new InMemoryFileSystem(files)).Spec!;
        var b = SpecCompiler.Compile("/b.yaml", new InMemoryFileSystem(files)).Spec!;
        Assert.Empty(SemanticDiff.Compare(a, b));
    }

    [Fact]
    public void A_changed_value_is_reported_with_both_sources()
    {
        var change = Assert.Single(SemanticDiff.Compare(Load("alpha-dropout.yaml"), Load("selu.yaml")), c => c.Path == "training.optimizer.nadam.learning_rate");
        Assert.Equal(("0.0005", "0.0007"), (change.Old, change.New));
        Assert.EndsWith("alpha-dropout.yaml", change.OldSource!.File);
        Assert.EndsWith("selu.yaml", change.NewSource!.File);
    }

    private static DeepDsl.Dsl.Model.ExperimentSpec Load(string name) => SpecCompiler.Compile(Path.Combine(Folder, name), Repository.ExampleFiles).Spec!;

}
