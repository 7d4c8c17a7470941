using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>AvgPool2d: Keras's padding, each window averaging only the input cells it covers.</summary>
public sealed class AvgPool2dTests
{
    public static TheoryData<string> Cases() => LayerCase.Ids("avg_pool2d_", float32Only: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch_with_keras_padding(string id)
    {
        var c = LayerCase.Get(id);
        using var pool = new AvgPool2d(c.Pair("kernel"), c.Pair("stride"), c.Padding());
        LayerCase.AssertMatches(c, pool);
    }

    [Theory]
    [InlineData(2, 2)] // padded after only
    [InlineData(3, 1)] // padded on both sides
    [InlineData(3, 2)]
    public void Padded_cells_do_not_count_so_a_constant_input_stays_constant(long kernel, long stride)
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new AvgPool2d([kernel, kernel], [stride, stride], Padding.Same);
        var y = pool.forward(torch.full([2, 3, 7, 6], 4.0));
        Assert.Equal([2L, 3, ConvolutionArithmetic.OutputSize(7, kernel, stride, 1, Padding.Same), ConvolutionArithmetic.OutputSize(6, kernel, stride, 1, Padding.Same)], y.shape);
        Assert.All(y.ToArray<float>(), v => Assert.Equal(4f, v, 5));
    }

    [Fact]
    public void Valid_padding_with_stride_2_on_32_by_32_gives_16_by_16_for_a_2_by_2_window()
    {
        using var scope = torch.NewDisposeScope();
        using var pool = new AvgPool2d([2, 2], [2, 2], Padding.Valid);
        Assert.Equal([2L, 3, 16, 16], pool.forward(torch.randn([2, 3, 32, 32])).shape);
    }
}
