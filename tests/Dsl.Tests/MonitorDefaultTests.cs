using DeepDsl.Dsl.Diagnostics;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// A monitor left to its default watches val_loss with a validation set and loss without one, and the resolved spec says so:
/// a run's spec.yaml (the canonical text) compiles again as it was run.
/// </summary>
public sealed class MonitorDefaultTests
{
    private const string Synthetic = """
        name: plain
        data: { dataset: synthetic, samples: 100, classes: 2, validation: 0 }
        model:
          input: [20]
          layers:
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 2
          early_stopping: { patience: 3 }
          schedule: reduce_on_plateau
        """;

    [Fact]
    public void Without_a_validation_set_every_default_monitor_is_loss()
    {
        var compilation = Compile(Synthetic);
        Assert.Empty(compilation.Diagnostics);
        var training = compilation.Spec!.Training;
        Assert.Equal("loss", training.Checkpoint.Monitor);
        Assert.Equal("loss", training.EarlyStopping!.Monitor);
        Assert.Equal("loss", training.Schedule!.String("monitor"));
        Assert.DoesNotContain("val_loss", compilation.Spec.CanonicalYaml);
    }

    [Fact]
    public void With_a_validation_set_every_default_monitor_is_val_loss()
    {
        var training = Compile(Synthetic.Replace("validation: 0", "validation: 20")).Spec!.Training;
        Assert.Equal("val_loss", training.Checkpoint.Monitor);
        Assert.Equal("val_loss", training.EarlyStopping!.Monitor);
        Assert.Equal("val_loss", training.Schedule!.String("monitor"));
    }

    [Fact]
    public void The_resolved_spec_of_a_run_without_validation_compiles_without_diagnostics_to_the_same_spec()
    {
        var spec = Compile(Synthetic).Spec!;
        var again = Compile(spec.CanonicalYaml);
        Assert.Empty(again.Diagnostics);
        Assert.Equal(spec.ContentHash, again.Spec!.ContentHash);
        Assert.Equal(spec.CanonicalYaml, again.Spec.CanonicalYaml);
    }

    [Theory]
    [InlineData("  checkpoint: { monitor: val_loss }")]
    [InlineData("  early_stopping: { monitor: val_loss }")]
    [InlineData("  schedule: { reduce_on_plateau: { monitor: val_loss } }")]
    public void An_explicit_val_loss_without_a_validation_set_is_still_DDSL501(string line)
    {
        var text = Synthetic.Replace("  early_stopping: { patience: 3 }\n  schedule: reduce_on_plateau", line);
        var diagnostic = Assert.Single(Compile(text).Diagnostics, d => d.Id == "DDSL501");
        AssertAt(diagnostic, DiagnosticSeverity.Error, Find(text, "val_loss"));
        Assert.Contains("val_ metrics need a validation set", diagnostic.Message);
    }
}
