using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Tests;

/// <summary>training.tensorboard: a run of the spec also writes TensorBoard event files.</summary>
public sealed class TensorBoardSettingTests
{
    [Fact]
    public void Training_tensorboard_true_asks_for_event_files_and_is_part_of_the_resolved_spec()
    {
        var compiled = Specs.Compile(Specs.Valid + "\n  tensorboard: true\n");
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        Assert.True(compiled.Spec!.Training.TensorBoard);
        Assert.Contains("\n  tensorboard: true\n", compiled.Spec.CanonicalYaml);
    }

    [Fact]
    public void A_spec_without_the_key_writes_no_event_files_and_keeps_its_canonical_yaml_and_hash()
    {
        var compiled = Specs.Compile(Specs.Valid);
        Assert.False(compiled.Spec!.Training.TensorBoard);
        // No default is written for the key, so every spec hash recorded before it existed still holds.
        Assert.DoesNotContain("tensorboard", compiled.Spec.CanonicalYaml);
    }

    [Fact]
    public void A_value_that_is_not_true_or_false_is_one_error_at_its_place()
    {
        var text = Specs.Valid + "\n  tensorboard: yes please\n";
        var compiled = Specs.Compile(text);
        Specs.AssertAt(Assert.Single(compiled.Errors), DiagnosticSeverity.Error, Specs.Find(text, "yes please"));
    }
}
