using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Diffing;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

public sealed class SemanticDiffTests
{
    private static readonly string Folder = Repository.Experiments;

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
    public void Inserting_batch_norm_into_every_block_is_three_layer_lines_not_one_per_layer()
    {
        var layers = SemanticDiff.Compare(Load("base.yaml"), Load("batch-norm.yaml")).Where(c => c.Path.StartsWith("model.layers", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "model.layers[batch_norm_1…batch_norm_21]: (absent) → batch_norm { momentum: 0.99, epsilon: 0.001 }  (in 21 layers)",
                "model.layers[dense_1…dense_20].dense.activation: elu { alpha: 1.0 } → linear  (in 20 layers)",
                "model.layers[activation_1…activation_20]: (absent) → activation { activation: elu { alpha: 1.0 } }  (in 20 layers)",
            ],
            layers.Select(c => c.ToString()));
    }

    [Fact]
    public void An_inserted_layer_is_one_addition_and_a_removed_one_one_removal()
    {
        var withDropout = Specs.Valid.Replace("    - dense: { units: 10", "    - dropout: 0.2\n    - dense: { units: 10");
        var change = Assert.Single(Diff(Specs.Valid, withDropout));
        Assert.Equal(("model.layers[dropout_1]", "added", "dropout { rate: 0.2 }"), (change.Path, change.Kind, change.New));
        var reverse = Assert.Single(Diff(withDropout, Specs.Valid));
        Assert.Equal(("model.layers[dropout_1]", "removed"), (reverse.Path, reverse.Kind));
    }

    [Fact]
    public void A_changed_layer_is_one_change_named_after_the_layer()
    {
        var deeper = Specs.Valid.Replace("    - flatten\n", "    - flatten\n    - dense: { units: 30, activation: elu, kernel_init: he_normal }\n");
        var wider = deeper.Replace("units: 50", "units: 60");
        var change = Assert.Single(Diff(deeper, wider));
        Assert.Equal(("model.layers[dense_2].dense.units", "50", "60"), (change.Path, change.Old, change.New));
    }

    private static IReadOnlyList<SettingChange> Diff(string a, string b)
    {
        var files = new Dictionary<string, string> { ["/a.yaml"] = a, ["/b.yaml"] = b };
        return SemanticDiff.Compare(SpecCompiler.Compile("/a.yaml", new InMemoryFileSystem(files)).Spec!, SpecCompiler.Compile("/b.yaml", new InMemoryFileSystem(files)).Spec!);
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
        var (old, @new) = (Load("alpha-dropout.yaml"), Load("selu.yaml"));
        var change = Assert.Single(SemanticDiff.Compare(old, @new), c => c.Path == "training.optimizer.nadam.learning_rate");
        // The rates lr-find wrote into the two files, as the canonical writer prints them.
        Assert.Equal((CanonicalWriter.Number(old.Training.Optimizer.LearningRate), CanonicalWriter.Number(@new.Training.Optimizer.LearningRate)), (change.Old, change.New));
        Assert.NotEqual(change.Old, change.New);
        Assert.EndsWith("alpha-dropout.yaml", change.OldSource!.File);
        Assert.EndsWith("selu.yaml", change.NewSource!.File);
    }

    private static DeepDsl.Dsl.Model.ExperimentSpec Load(string name) => SpecCompiler.Compile(Path.Combine(Folder, name), ExampleSpecs.Files).Spec!;

}
