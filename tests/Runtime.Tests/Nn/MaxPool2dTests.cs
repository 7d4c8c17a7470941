using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>MaxPool2d: Keras's padding, where a padded cell never wins.</summary>
public sealed class MaxPool2dTests
{
    public static TheoryData<string> Cases() => LayerCase.Ids("max_pool2d_", float32Only: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch_with_keras_padding(string id)
    {
        var c = LayerCase.Get(id);
        using var pool = new MaxPool2d(c.Pair("kernel"), c.Pair("stride"), c.Padding());
        LayerCase.AssertMatches(c, pool);
    }

    [Fact]
    public void Same_padding_with_stride_2_halves_32_by_32_to_16_by_16()
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new MaxPool2d([2, 2], [2, 2], Padding.Same);
        Assert.Equal([2L, 3, 16, 16], pool.forward(torch.randn([2, 3, 32, 32])).shape);
        using var odd = new MaxPool2d([3, 3], [2, 2], Padding.Same);
        Assert.Equal([2L, 3, 16, 16], odd.forward(torch.randn([2, 3, 32, 32])).shape);
    }

    [Theory]
    [InlineData(2)] // one padded row and column, after: padded before the op
    [InlineData(3)] // one on each side: the op's own padding
    public void Padded_cells_never_win_over_negative_inputs(long kernel)
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new MaxPool2d([kernel, kernel], [2, 2], Padding.Same);
        var y = pool.forward(torch.full([1, 1, 5, 5], -3.0));
        Assert.Equal([1L, 1, 3, 3], y.shape);
        Assert.All(y.ToArray<float>(), v => Assert.Equal(-3f, v));
    }
}
