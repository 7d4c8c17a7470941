using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// The study of docs/results.md: each variant's sweep runs its first three trials at the rate `deepdsl lr-find --write`
/// put into the variant's spec. The sweep repeats that number, so a new lr-find result must reach both files.
/// </summary>
public sealed class StudySweepsTests
{
    [Theory]
    [InlineData("base")]
    [InlineData("batch-norm")]
    [InlineData("selu")]
    [InlineData("alpha-dropout")]
    [InlineData("one-cycle")]
    public void The_first_trials_run_at_the_rate_the_variant_spec_holds(string variant)
    {
        var spec = SpecCompiler.Compile(Path.Combine(Repository.Experiments, $"{variant}.yaml"), ExampleSpecs.Files);
        var sweep = SpecCompiler.Compile(Path.Combine(Repository.Experiments, "study", $"{variant}.yaml"), ExampleSpecs.Files);
        Assert.Empty(spec.Errors);
        Assert.Empty(sweep.Errors);
        Assert.Equal(6, sweep.Trials.Count);
        Assert.All(sweep.Trials.Take(3), trial => Assert.Equal(Rate(spec.Spec!), Rate(trial.Spec)));
        Assert.All(sweep.Trials.Skip(3), trial => Assert.NotEqual(Rate(spec.Spec!), Rate(trial.Spec)));
    }

    private static double Rate(ExperimentSpec spec) =>
        spec.Training.Schedule is { Kind: "one_cycle" } cycle ? cycle.Number("max_lr")!.Value : spec.Training.Optimizer.LearningRate;
}
