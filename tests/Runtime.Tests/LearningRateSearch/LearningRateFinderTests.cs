using DeepDsl.Experiments;
using DeepDsl.LearningRateSearch;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.LearningRateSearch;

public sealed class LearningRateFinderTests
{
    /// <summary>A simulated problem: the loss falls fastest for rates in [1e-3, 1e-1] and explodes above 1.</summary>
    private static double SimulatedLoss(double lr, int step) => lr > 1 ? 10 * lr : 2.0 - 0.9 * Math.Exp(-Math.Pow(Math.Log10(lr) + 2, 2) / 0.5) - step * 1e-5;

    [Theory]
    [InlineData(LrFinderMethod.Book)]
    [InlineData(LrFinderMethod.Fastai)]
    public void Suggestions_fall_in_the_known_good_range_and_restore_runs_once(LrFinderMethod method)
    {
        var restored = 0;
        var step = 0;
        var result = LearningRateFinder.Run(new LrFinderSettings(method, Steps: 200), 200, lr => SimulatedLoss(lr, step++), () => restored++);
        Assert.Equal(1, restored);
        Assert.InRange(result.MinimumOverTen, 1e-4, 1e-1);
        Assert.InRange(result.Valley, 1e-4, 1e-1);
        Assert.InRange(result.Steepest, 1e-4, 1e-1);
        if (method == LrFinderMethod.Fastai) Assert.NotNull(result.StoppedEarly);
        else Assert.Equal(200, result.Points.Count);
    }

    [Fact]
    public void Restore_is_called_even_when_a_step_fails()
    {
        var restored = 0;
        Assert.Throws<InvalidOperationException>(() =>
            LearningRateFinder.Run(new LrFinderSettings(Steps: 10), 10, _ => throw new InvalidOperationException("boom"), () => restored++));
        Assert.Equal(1, restored);
    }

    [Fact]
    public void On_a_real_model_the_sweep_suggests_a_working_rate_and_leaves_the_weights_unchanged()
    {
        var experiment = new SyntheticExperiment();
        torch.manual_seed(experiment.Seed);
        using var reference = experiment.CreateModel();
        var before = reference.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());

        var result = LearningRateSweep.Run(experiment, new LrFinderSettings(LrFinderMethod.Fastai, Steps: 100), DeviceSelection.Resolve("cpu"), TextWriter.Null);
        Assert.InRange(result.MinimumOverTen, 1e-4, 1.0);

        // The sweep seeds and builds the same model; after it, a model built the same way still equals the reference.
        torch.manual_seed(experiment.Seed);
        using var after = experiment.CreateModel();
        foreach (var (name, values) in before) Assert.Equal(values, after.state_dict()[name].ToArray<float>());
    }
}
