using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Sweeps;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// A sweep's cost is bounded before it is paid: every trial binds and validates the whole network again, so a small file
/// (a big grid over a deep base) could otherwise keep `validate`, the generator and `dotnet build` busy for minutes.
/// </summary>
public sealed class SweepBudgetTests
{
    private static string DeepBase(int repeat) => $$"""
        name: deep
        data: { dataset: cifar10, validation: 1000 }
        model:
          input: [3, 32, 32]
          layers:
            - flatten
            - repeat: {{repeat}}
              layers: [{ dense: { units: 10, activation: elu, kernel_init: he_normal } }]
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          epochs: 5
        """;

    private const string BigGrid = """
        extends: base.yaml
        name: big
        sweep:
          parameters:
            seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            training.epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            training.batch_size: [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
            training.optimizer.nadam.learning_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
        """;

    [Fact]
    public void A_grid_over_a_deep_base_is_a_located_error_before_any_trial_is_built()
    {
        var compilation = Specs.Compile(BigGrid, ("base.yaml", DeepBase(3000)));
        var error = compilation.Diagnostics.Single(d => d.Id == Descriptors.InvalidSweep.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("too large", error.Message);
        // Counted before any trial was built (the grid's 10,000 draws are not expanded, which would take minutes).
        Assert.Contains("10,000 trials of 3,002 layers each", error.Message);
        Assert.Equal(3, error.Location.StartLine); // 0-based: the sweep section, under `sweep:`
        Assert.Empty(compilation.Trials);
    }

    [Fact]
    public void A_swept_layer_list_longer_than_the_base_counts_against_the_budget_as_it_is_built()
    {
        var sweep = """
            extends: base.yaml
            name: lists
            sweep:
              method: random
              trials: 100
              parameters:
                model.layers: { choice: [[flatten, { repeat: 9000, layers: [{ dense: { units: 10, activation: elu, kernel_init: he_normal } }] }, { dense: { units: 10, activation: softmax } }]] }
            """;
        var compilation = Specs.Compile(sweep, ("base.yaml", DeepBase(1)));
        var error = compilation.Diagnostics.Single(d => d.Id == Descriptors.InvalidSweep.Id);
        Assert.Contains("too large", error.Message);
        Assert.Empty(compilation.Trials);
    }

    [Fact]
    public void A_sweep_within_the_budget_expands_as_before()
    {
        var compilation = Specs.Compile(BigGrid.Replace("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", "[1, 2]").Replace("[8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]", "[32]")
            .Replace("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]", "[0.1]"), ("base.yaml", DeepBase(3)));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(4, compilation.Trials.Count);
    }

    [Fact]
    public void A_sweep_whose_every_trial_fails_is_an_error_that_names_why_never_an_empty_success()
    {
        // The base has no validation split yet watches val_loss for its checkpoint, a metric no trial produces (DDSL501 in each).
        var compilation = Specs.Compile("extends: base.yaml\nname: none\nsweep:\n  parameters:\n    seed: [1, 2]\n",
            ("base.yaml", DeepBase(1).Replace(", validation: 1000", "") + "\n  checkpoint: { monitor: val_loss }"));
        Assert.Empty(compilation.Trials);
        Assert.Contains(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Null(compilation.Sweep);
    }

    [Fact]
    public void The_spec_hash_is_the_whole_sha256_and_people_see_its_prefix()
    {
        var spec = Specs.Compile(Specs.Valid).Spec!;
        Assert.Equal(Model.SpecHash.Length, spec.ContentHash.Length);
        Assert.True(Model.SpecHash.IsWellFormed(spec.ContentHash));
        Assert.Equal(spec.ContentHash[..12], Model.SpecHash.Short(spec.ContentHash));
        Assert.False(Model.SpecHash.IsWellFormed(spec.ContentHash[..20]));
        Assert.False(Model.SpecHash.IsWellFormed("../../" + spec.ContentHash[6..]));
    }
}
