using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// data.augment.normalize: (x − mean) / std per channel, the channel being an example's first axis ([C, H, W] images;
/// each feature of a vector). Computed statistics are the training split's population mean and standard deviation.
/// </summary>
internal sealed class ChannelNormalization
{
    // A constant channel has no spread: dividing by a tiny number keeps it finite (0), as data.standardize does.
    private const double SmallestStd = 1e-7;

    private ChannelNormalization(NormalizationStatistics statistics) => Statistics = statistics;

    public NormalizationStatistics Statistics { get; }

    public static ChannelNormalization For(Normalization settings, Tensor train)
    {
        if (train.dim() < 2)
            throw new DataException("data.augment.normalize needs examples with at least one axis; the data's examples are single numbers.");
        var channels = train.size(1);
        if (settings.IsComputed)
        {
            using var scope = torch.NewDisposeScope();
            var wide = train.to(ScalarType.Float64);
            var dims = Enumerable.Range(0, (int)train.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
            var mean = wide.mean(dims).ToArray<double>();
            var std = wide.std(dims, unbiased: false).clamp(min: SmallestStd).ToArray<double>();
            return new ChannelNormalization(new NormalizationStatistics(true, mean, std));
        }
        if (settings.Mean!.Length != channels || settings.Std!.Length != channels)
            throw new DataException($"data.augment.normalize gives {settings.Mean.Length} means and {settings.Std!.Length} standard deviations, but the data's examples have {channels} channels (their first axis).");
        if (settings.Std.Any(s => !(s > 0)) || settings.Mean.Any(m => !double.IsFinite(m)))
            throw new DataException("data.augment.normalize needs finite means and standard deviations > 0.");
        return new ChannelNormalization(new NormalizationStatistics(false, [.. settings.Mean], [.. settings.Std]));
    }

    public Tensor Apply(Tensor x)
    {
        var shape = Broadcast(x);
        using var mean = torch.tensor(Statistics.Mean, shape).to(x.dtype, x.device);
        using var std = torch.tensor(Statistics.Std, shape).to(x.dtype, x.device);
        return (x - mean) / std;
    }

    /// <summary>What a zero (a padding pixel) becomes once normalized: −mean/std per channel.</summary>
    public double[] ZeroAfter() => Statistics.Mean.Zip(Statistics.Std, (m, s) => -m / s).ToArray();

    private long[] Broadcast(Tensor x) => [1, Statistics.Mean.Length, .. Enumerable.Repeat(1L, (int)x.dim() - 2)];
}
