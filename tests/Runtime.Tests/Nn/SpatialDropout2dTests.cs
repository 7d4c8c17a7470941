using DeepDsl.Evaluation;
using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>SpatialDropout2d: whole feature maps dropped in training, nothing in eval.</summary>
public sealed class SpatialDropout2dTests
{
    [Fact]
    public void In_training_each_feature_map_is_dropped_or_kept_whole()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(41);
        using var dropout = new SpatialDropout2d(0.25);
        var y = dropout.forward(torch.ones([64, 32, 4, 4], ScalarType.Float64));
        var maps = y.reshape(64 * 32, 16).ToArray<double>().Chunk(16).ToArray();
        Assert.All(maps, map => Assert.Single(map.Distinct()));
        Assert.Contains(maps, map => map[0] == 0);
        Assert.All(maps.Where(map => map[0] != 0), map => Assert.Equal(1 / 0.75, map[0], 1e-12));
    }

    [Fact]
    public void In_eval_mode_it_is_the_identity()
    {
        using var scope = torch.NewDisposeScope();
        using var dropout = new SpatialDropout2d(0.5);
        dropout.eval();
        var x = torch.randn([4, 3, 5, 5]);
        Assert.Equal(x.ToArray<float>(), dropout.forward(x).ToArray<float>());
    }

    [Fact]
    public void Mc_dropout_counts_it_as_a_dropout_layer()
    {
        using var model = new Sequential(new SpatialDropout2d(0.1), new GlobalAvgPool2d());
        Assert.True(McDropout.HasDropout(model));
    }
}
