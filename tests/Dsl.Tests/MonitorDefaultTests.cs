using DeepDsl.Dsl.Diagnostics;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// A monitor left to its default watches val_loss with a validation set and loss without one, and the resolved spec says so:
/// a run's spec.yaml (the canonical text) compiles again as it was run.
/// </summary>
public sealed class MonitorDefaultTests
{
    // The tiny spec (no validation set) with early stopping and a plateau schedule, whose monitors are left to their default.
    private static readonly string Synthetic = TinySpec.Named("plain", "samples: 100, classes: 2, validation: 0")
        .Replace("  epochs: 1", "  epochs: 1\n  early_stopping: { patience: 3 }\n  schedule: reduce_on_plateau", StringComparison.Ordinal);

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

    // The committed runs in today's language (the study-* ones were recorded with channels-last inputs, which it refuses).
    public static TheoryData<string> CommittedRuns() =>
        [.. new[] { "cifar10-cnn", "cifar10-selu-cnn-first-epoch" }.SelectMany(run =>
            Directory.GetFiles(Path.Combine(Repository.Root, "docs", "results", "runs", run), "spec.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CommittedRuns))]
    public void A_committed_run_spec_compiles_to_its_recorded_hash(string path)
    {
        var compilation = Compile(File.ReadAllText(path));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var summary = File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "summary.json"));
        Assert.Contains($"\"spec_hash\": \"{compilation.Spec!.ContentHash}\"", summary);
    }

    /// <summary>What keeps the hashes of specs with a validation set: their text is the one the old default, always val_loss, gave.</summary>
    [Fact]
    public void With_a_validation_set_a_default_monitor_hashes_as_a_written_val_loss()
    {
        var withValidation = Synthetic.Replace("validation: 0", "validation: 20");
        var written = withValidation
            .Replace("early_stopping: { patience: 3 }", "early_stopping: { patience: 3, monitor: val_loss }")
            .Replace("schedule: reduce_on_plateau", "schedule: { reduce_on_plateau: { monitor: val_loss } }\n  checkpoint: { monitor: val_loss }");
        Assert.Equal(Compile(written).Spec!.ContentHash, Compile(withValidation).Spec!.ContentHash);
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
