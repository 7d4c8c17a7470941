using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>GlobalAvgPool2d: each channel's mean over height and width, [N, C, H, W] → [N, C].</summary>
public sealed class GlobalAvgPool2dTests
{
    public static TheoryData<string> Cases() => LayerCase.Ids("global_avg_pool2d", float32Only: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch(string id)
    {
        using var pool = new GlobalAvgPool2d();
        LayerCase.AssertMatches(LayerCase.Get(id), pool);
    }

    [Fact]
    public void Images_become_one_value_per_channel()
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new GlobalAvgPool2d();
        Assert.Equal([5L, 64], pool.forward(torch.randn([5, 64, 8, 8])).shape);
        Assert.Equal(0, pool.parameter_count());
    }
}
