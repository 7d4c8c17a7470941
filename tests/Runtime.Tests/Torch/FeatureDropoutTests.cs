using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>feature_dropout: whole channels at a time, with PyTorch's statistics.</summary>
public sealed class FeatureDropoutTests
{
    private const int Samples = 400, Channels = 500;

    [Fact]
    public void In_training_whole_channels_are_zeroed_at_rate_p_and_the_rest_scaled_by_one_over_one_minus_p()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(31);
        var y = F.feature_dropout(torch.ones([Samples, Channels, 3, 4], ScalarType.Float64), 0.3, training: true).reshape(Samples * Channels, 12);
        var planes = y.ToArray<double>().Chunk(12).ToArray();
        Assert.All(planes, plane => Assert.Single(plane.Distinct())); // a channel is dropped or kept whole
        var dropped = planes.Count(plane => plane[0] == 0) / (double)planes.Length;
        Assert.InRange(dropped, 0.3 - 0.005, 0.3 + 0.005); // ~5 standard errors
        Assert.All(planes.Where(plane => plane[0] != 0), plane => Assert.Equal(1 / 0.7, plane[0], 1e-12));
    }

    [Fact]
    public void On_flat_features_each_sample_and_feature_is_its_own_channel()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(32);
        var y = F.feature_dropout(torch.ones([Samples, Channels], ScalarType.Float64), 0.5, training: true);
        Assert.Equal([(long)Samples, Channels], y.shape);
        Assert.InRange(y.eq(0.0).to(ScalarType.Float64).mean().item<double>(), 0.5 - 0.006, 0.5 + 0.006);
    }

    [Fact]
    public void In_eval_mode_or_with_p_zero_it_is_the_identity()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([8, 4, 5, 5]);
        Assert.Equal(x.ToArray<float>(), F.feature_dropout(x, 0.5, training: false).ToArray<float>());
        Assert.Equal(x.ToArray<float>(), F.feature_dropout(x, 0.0, training: true).ToArray<float>());
    }

    [Fact]
    public void Gradients_flow_only_through_the_kept_channels()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(33);
        var x = torch.ones([16, 8, 2, 2], ScalarType.Float64).requires_grad_();
        var y = F.feature_dropout(x, 0.5, training: true);
        y.sum().backward();
        Assert.Equal(y.ToArray<double>(), x.grad!.ToArray<double>()); // dy/dx is the mask scaled by 2, as y is for x = 1
    }

    [Fact]
    public void A_single_dimension_has_no_channels_to_drop()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.feature_dropout(torch.ones([10]), 0.5, training: true));
        Assert.Contains("at least 2 dimensions", error.Message);
    }
}
