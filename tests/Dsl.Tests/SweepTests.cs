using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Sweeps;

namespace DeepDsl.Dsl.Tests;

/// <summary>The `sweep:` section: trials from a grid or seeded draws, each a validated spec with its own hash, errors located at the value that causes them.</summary>
public sealed class SweepTests
{
    private const string Grid = """
        extends: spec.yaml
        name: lr-seeds
        sweep:
          method: grid
          parameters:
            training.optimizer.nadam.learning_rate: [1.0e-4, 3.0e-4, 1.0e-3]
            seed: [1, 2, 3]
          metric: { name: val_accuracy, goal: maximize }
        """;

    private static SpecCompilation Compile(string sweep) => Specs.Compile(sweep, ("base.yaml", Specs.Valid));

    private static string Sweep(string parameters, string extra = "") =>
        "extends: base.yaml\nname: s\nsweep:\n" + extra + "  parameters:\n" + parameters;

    [Fact]
    public void A_grid_gives_every_combination_in_order_each_with_its_own_hash()
    {
        var compilation = Specs.Compile(Grid.Replace("extends: spec.yaml", "extends: base.yaml"), ("base.yaml", Specs.Valid));
        Assert.Empty(compilation.Errors);
        Assert.Equal(9, compilation.Trials.Count);
        Assert.Equal(9, compilation.Trials.Select(t => t.Spec.ContentHash).Distinct().Count());
        Assert.Equal("training.optimizer.nadam.learning_rate = 0.0001, seed = 1", compilation.Trials[0].Describe());
        Assert.Equal("training.optimizer.nadam.learning_rate = 0.0001, seed = 2", compilation.Trials[1].Describe());
        Assert.Equal(3, compilation.Trials[2].Spec.Seed);
        Assert.Equal(0.001, compilation.Trials[8].Spec.Training.Optimizer.LearningRate);
        Assert.All(compilation.Trials, t => Assert.Equal("lr-seeds", t.Spec.Name));
    }

    [Fact]
    public void Random_search_is_reproducible_from_its_seed_and_draws_within_the_ranges()
    {
        var text = Sweep("    training.optimizer.nadam.learning_rate: { log_uniform: [1.0e-5, 1.0e-2] }\n    model.layers[dense_1].units: { int_uniform: [10, 20] }\n" +
                         "    training.batch_size: { choice: [32, 64] }\n", "  method: random\n  trials: 12\n  seed: 7\n");
        var first = Compile(text);
        var again = Compile(text);
        Assert.Empty(first.Errors);
        Assert.Equal(12, first.Trials.Count);
        Assert.Equal(first.Trials.Select(t => t.Spec.ContentHash), again.Trials.Select(t => t.Spec.ContentHash));
        Assert.All(first.Trials, t =>
        {
            Assert.InRange(t.Spec.Training.Optimizer.LearningRate, 1e-5, 1e-2);
            Assert.InRange(((DeepDsl.Dsl.Model.DenseLayer)t.Spec.Model.Layers.First(l => l.Name == "dense_1")).Units, 10, 20);
            Assert.Contains(t.Spec.Training.BatchSize, new long[] { 32, 64 });
        });
        var reseeded = Compile(text.Replace("seed: 7", "seed: 8"));
        Assert.NotEqual(first.Trials.Select(t => t.Spec.ContentHash), reseeded.Trials.Select(t => t.Spec.ContentHash));
    }

    [Fact]
    public void A_swept_layer_list_is_expanded_before_later_paths_reach_into_its_layers()
    {
        // Depth as a choice of whole layer lists, then the width of every dense layer of whichever list was chosen.
        var text = Sweep("""
                model.layers:
                  - [flatten, { repeat: 2, layers: [{ dense: { units: 8, activation: elu, kernel_init: he_normal } }] }, { dense: { units: 10, activation: softmax, name: output } }]
                  - [flatten, { repeat: 4, layers: [{ dense: { units: 8, activation: elu, kernel_init: he_normal } }] }, { dense: { units: 10, activation: softmax, name: output } }]
                model.layers[dense_?].units: [32, 64]

            """);
        var compilation = Compile(text);
        Assert.Empty(compilation.Errors);
        Assert.Equal(4, compilation.Trials.Count);
        int[] Widths(int trial) => compilation.Trials[trial].Spec.Model.Layers.OfType<DeepDsl.Dsl.Model.DenseLayer>().Select(d => (int)d.Units).ToArray();
        Assert.Equal(new[] { 32, 32, 10 }, Widths(0));
        Assert.Equal(new[] { 64, 64, 64, 64, 10 }, Widths(3));
    }

    [Fact]
    public void A_trial_that_breaks_a_rule_is_an_error_at_the_value_that_causes_it_naming_the_trials()
    {
        var text = Sweep("    seed: [1, 2]\n    model.layers[dense_*].activation: [elu, selu]\n");
        var compilation = Compile(text);
        var error = compilation.Diagnostics.First(d => d.Id == "DDSL101");
        Specs.AssertAt(error, DiagnosticSeverity.Error, Specs.Find(text, "selu"));
        Assert.StartsWith("sweep trials 1, 3 (model.layers[dense_*].activation = selu):", error.Message);
        Assert.Null(compilation.Spec);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_located_at_the_value()
    {
        var text = Sweep("    training.epochs: [5, ten]\n");
        var error = Specs.Single(Compile(text), "DDSL003");
        Specs.AssertAt(error, DiagnosticSeverity.Error, Specs.Find(text, "ten]"));
        Assert.Contains("trial 1", error.Message);
    }

    [Theory]
    [InlineData("    model.layers[conv_*].units: [1, 2]\n", "no layer is named conv_*")]
    [InlineData("    training.epochs.count: [1, 2]\n", "inside a")]
    [InlineData("    training..epochs: [1, 2]\n", "is not a key path")]
    [InlineData("    name: [a, b]\n", "cannot be swept")]
    [InlineData("    seed: { uniform: [1, 2] }\n", "for method: random")]
    [InlineData("    seed: []\n", "is empty")]
    [InlineData("    seed: 3\n", "expected a list of values")]
    public void Sweep_mistakes_are_DDSL018_at_the_parameter(string parameters, string expected)
    {
        var text = Sweep(parameters);
        var error = Specs.Single(Compile(text), "DDSL018");
        Assert.Contains(expected, error.Message);
        Assert.Equal(4, error.Location.StartLine); // the parameter's line
    }

    [Fact]
    public void The_ranking_metric_must_be_one_a_trial_records()
    {
        var text = Sweep("    seed: [1, 2]\n", "  metric: { name: val_acc }\n");
        Assert.Contains("not a metric a trial records", Specs.Single(Compile(text), "DDSL018").Message);
    }

    [Fact]
    public void An_unknown_key_reached_by_a_path_is_an_unknown_key_at_the_parameter()
    {
        var text = Sweep("    training.optimizer.nadam.momentum: [0.9]\n");
        Assert.Contains("unknown key 'momentum'", Specs.Single(Compile(text), "DDSL002").Message);
    }

    [Fact]
    public void Random_search_needs_trials_and_log_uniform_needs_positive_bounds()
    {
        Assert.Contains("needs trials", Specs.Single(Compile(Sweep("    seed: [1, 2]\n", "  method: random\n")), "DDSL018").Message);
        Assert.Contains("both > 0", Specs.Single(Compile(Sweep("    training.optimizer.nadam.learning_rate: { log_uniform: [0, 1] }\n", "  method: random\n  trials: 2\n")), "DDSL018").Message);
    }

    [Fact]
    public void The_sweep_is_not_part_of_the_experiment_spec_or_its_hash()
    {
        var sweep = Compile(Sweep("    seed: [1, 2]\n"));
        var plain = Specs.Compile("extends: base.yaml\nname: s\n", ("base.yaml", Specs.Valid));
        Assert.Equal(plain.Spec!.ContentHash, sweep.Spec!.ContentHash);
        Assert.DoesNotContain("sweep", sweep.Spec.CanonicalYaml);
        Assert.DoesNotContain("sweep", sweep.Trials[0].Spec.CanonicalYaml);
    }

    [Fact]
    public void Formatting_a_sweep_keeps_its_meaning_and_is_idempotent()
    {
        var text = Sweep("    seed: [1,   2]\n    model.layers[dense_*].units: [8, 16]\n", "  metric: {goal: minimize, name: val_loss}\n");
        var diagnostics = new List<DslDiagnostic>();
        var formatted = DeepDsl.Dsl.Formatting.SpecFormatter.Format("/specs/spec.yaml", text, diagnostics)!;
        Assert.Equal(formatted, DeepDsl.Dsl.Formatting.SpecFormatter.Format("/specs/spec.yaml", formatted, diagnostics));
        Assert.Equal(Compile(text).Trials.Select(t => t.Spec.ContentHash), Compile(formatted).Trials.Select(t => t.Spec.ContentHash));
        Assert.Contains("    model.layers[dense_*].units: [8, 16]\n", formatted);
    }

    [Fact]
    public void The_json_schema_describes_the_sweep_section()
    {
        var schema = DeepDsl.Dsl.Schema.JsonSchemaWriter.Write();
        Assert.Contains("\"sweep\"", schema);
        Assert.Contains("\"log_uniform\"", schema);
    }

    [Fact]
    public void The_sweep_diff_names_each_changed_parameter_and_setting()
    {
        var a = Compile(Sweep("    seed: [1, 2]\n    training.batch_size: [32]\n")).Sweep;
        var b = Compile(Sweep("    seed: [1, 2, 3]\n    training.epochs: [5]\n", "  metric: { name: val_loss, goal: minimize }\n")).Sweep;
        var changes = SweepDiff.Compare(a, b).Select(c => c.ToString()).ToList();
        Assert.Equal(
        [
            "sweep.metric: val_accuracy (maximize) → val_loss (minimize)",
            "sweep.parameters.seed: [1, 2] → [1, 2, 3]",
            "sweep.parameters.training.batch_size: [32] → (absent)",
            "sweep.parameters.training.epochs: (absent) → [5]",
        ], changes);
        Assert.Empty(SweepDiff.Compare(a, Compile(Sweep("    training.batch_size: [32]\n    seed: [1,   2]\n")).Sweep));
    }
}
