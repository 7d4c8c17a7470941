using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>data.augment.normalize: per-channel statistics of the training split, applied to every split; given statistics as written.</summary>
public sealed class ChannelNormalizationTests
{
    private static DatasetSplits Load(Normalization normalize) =>
        DatasetLoader.Load(new DataSettings(new SyntheticSource(Classes: 2, Samples: 200, Noise: 2.0, InputShape: [3, 2, 2], Seed: 9),
            Validation: 50, Augment: new AugmentSettings(Normalize: normalize)), Device.CPU);

    [Fact]
    public void Computed_statistics_are_the_training_splits_per_channel_mean_and_std_and_are_recorded()
    {
        using var scope = torch.NewDisposeScope();
        using var raw = DatasetLoader.Load(new DataSettings(new SyntheticSource(2, 200, 2.0, [3, 2, 2], 9), Validation: 50), Device.CPU);
        using var data = Load(Normalization.Computed);

        var statistics = data.Normalization!;
        Assert.True(statistics.Computed);
        var rawTrain = raw.TrainX.to(ScalarType.Float64);
        var mean = rawTrain.mean([0L, 2, 3]).ToArray<double>();
        var std = rawTrain.std([0L, 2, 3], unbiased: false).ToArray<double>();
        Assert.Equal(mean, statistics.Mean, new DoubleTolerance(1e-9));
        Assert.Equal(std, statistics.Std, new DoubleTolerance(1e-9));
        // The training split now has mean 0 and std 1 per channel; validation is normalized with the training statistics, not its own.
        Assert.All(data.TrainX.mean([0L, 2, 3]).ToArray<float>(), m => Assert.InRange(m, -1e-4, 1e-4));
        Assert.All(data.TrainX.std([0L, 2, 3], unbiased: false).ToArray<float>(), s => Assert.InRange(s, 1 - 1e-4, 1 + 1e-4));
        var expected = ((raw.ValidationX! - torch.tensor(mean.Select(m => (float)m).ToArray(), [1, 3, 1, 1])) / torch.tensor(std.Select(s => (float)s).ToArray(), [1, 3, 1, 1])).reshape(-1).ToArray<float>();
        Assert.Equal(expected, data.ValidationX!.reshape(-1).ToArray<float>(), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Given_statistics_are_applied_as_written()
    {
        using var scope = torch.NewDisposeScope();
        using var raw = DatasetLoader.Load(new DataSettings(new SyntheticSource(2, 200, 2.0, [3, 2, 2], 9), Validation: 50), Device.CPU);
        using var data = Load(Normalization.Given([1, 2, 3], [2, 4, 8]));
        Assert.False(data.Normalization!.Computed);
        var expected = ((raw.TestX - torch.tensor(new float[] { 1, 2, 3 }, [1, 3, 1, 1])) / torch.tensor(new float[] { 2, 4, 8 }, [1, 3, 1, 1])).reshape(-1).ToArray<float>();
        Assert.Equal(expected, data.TestX.reshape(-1).ToArray<float>(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Given_statistics_for_another_number_of_channels_are_refused()
    {
        var error = Assert.Throws<DataException>(() => Load(Normalization.Given([0.5], [0.25])));
        Assert.Contains("3 channels", error.Message);
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
