using DeepDsl.Runs;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>A finished run opened from a program: the same test score the run recorded, pruning, fine-tuning with the masks held.</summary>
public sealed class TrainedRunTests
{
    [Fact]
    public void Evaluating_a_finished_run_gives_the_test_score_its_summary_recorded()
    {
        var experiment = new SyntheticExperiment();
        var result = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null);

        using var trained = TrainedRun.Open(result.Directory, experiment);
        var test = trained.Evaluate();
        Assert.Equal(result.Summary.Test!["accuracy"], test.Accuracy);
        Assert.Equal(result.Summary.Test!["loss"], test.Loss, 12);
    }

    [Fact]
    public void Fine_tuning_a_pruned_run_keeps_its_pruned_weights_at_zero()
    {
        var experiment = new SyntheticExperiment();
        var result = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null);

        using var trained = TrainedRun.Open(result.Directory, experiment);
        Assert.Empty(trained.PrunedLayers());
        trained.Prune(0.5);
        var pruned = trained.PrunedLayers();
        Assert.Equal(2, pruned.Count);
        Assert.All(pruned, layer => Assert.InRange(layer.Sparsity, 0.45, 0.55));

        var log = new StringWriter();
        trained.FineTune(2, [new EpochLog(log)]);
        Assert.Equal(2, log.ToString().Split('\n').Count(line => line.StartsWith("Epoch ", StringComparison.Ordinal)));
        Assert.Equal(pruned.Select(l => l.Zeros), trained.PrunedLayers().Select(l => l.Zeros));
    }
}
