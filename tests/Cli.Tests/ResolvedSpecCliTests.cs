namespace DeepDsl.Cli.Tests;

/// <summary>
/// A run's spec.yaml is the spec as it ran: without a validation set its monitors say loss, and `deepdsl validate` and
/// `deepdsl diff` take it as they take the spec it came from (no DDSL501 for a val_loss the run never watched).
/// </summary>
public sealed class ResolvedSpecCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-resolved-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_spec_yaml_of_a_run_without_validation_validates_and_diffs_clean()
    {
        var spec = TinySpec.Named("plain").Replace("  epochs: 1", "  epochs: 1\n  early_stopping: { patience: 2 }", StringComparison.Ordinal);
        Assert.Contains("early_stopping", spec);
        File.WriteAllText(Path.Combine(folder, "plain.yaml"), spec);
        var run = DeepDslProcess.Run(folder, "run", "plain.yaml");
        Assert.True(run.Exit == 0, run.ToString());
        var resolved = Path.Combine(Directory.GetDirectories(Path.Combine(folder, "runs", "plain")).Single(), "spec.yaml");
        var text = File.ReadAllText(resolved);
        Assert.DoesNotContain("val_loss", text);
        Assert.Contains("monitor: loss", text);

        var validate = DeepDslProcess.Run(folder, "validate", resolved);
        Assert.True(validate.Exit == 0, validate.ToString());
        Assert.DoesNotContain("DDSL", validate.Output + validate.Error);

        // The same experiment: diff says so (exit 0) instead of failing to compile one side.
        var diff = DeepDslProcess.Run(folder, "diff", "plain.yaml", resolved);
        Assert.True(diff.Exit == 0, diff.ToString());
        DeepDslProcess.AssertNoStackTrace(diff);
    }
}
