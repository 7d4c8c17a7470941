using DeepDsl.Nn;
using DeepDsl.Nn.Init;
using DeepDsl.Runtime.Tests.Torch;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>Conv2d: PyTorch's weight layout, Keras's padding and initialization.</summary>
public sealed class Conv2dTests
{
    public static TheoryData<string> Cases() => LayerCase.Ids("conv2d_", float32Only: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch_with_keras_padding(string id)
    {
        var c = LayerCase.Get(id);
        var shapes = c.Json.GetProperty("inputs").EnumerateArray().Select(i => OpCase.Shape(i.GetProperty("shape"))).ToArray();
        var groups = c.Json.GetProperty("groups").GetInt64();
        using var conv = new Conv2d(shapes[0][1], shapes[1][0], c.Pair("kernel"), c.Pair("stride"), c.Padding(), c.Pair("dilation"), groups,
            hasBias: shapes.Length == 3, Initializers.Zeros, Initializers.Zeros);
        LayerCase.AssertMatches(c, conv, conv.weight, conv.bias);
    }

    [Theory]
    [InlineData(Padding.Same, 16)] // same with stride 2 halves 32×32
    [InlineData(Padding.Valid, 15)] // valid: floor((32 − 3) / 2) + 1
    public void A_3_by_3_kernel_with_stride_2_on_32_by_32(Padding padding, long expected)
    {
        using var scope = torch.NewDisposeScope();
        using var conv = Make(3, 8, kernel: 3, stride: 2, padding);
        Assert.Equal([2L, 8, expected, expected], conv.forward(torch.randn([2, 3, 32, 32])).shape);
    }

    [Fact]
    public void Same_padding_with_stride_1_keeps_the_size_for_even_kernels_too()
    {
        using var scope = torch.NewDisposeScope();
        using var conv = Make(3, 4, kernel: 4, stride: 1, Padding.Same);
        Assert.Equal([1L, 4, 7, 6], conv.forward(torch.randn([1, 3, 7, 6])).shape);
    }

    [Fact]
    public void The_weight_is_out_by_in_over_groups_by_kernel_and_the_bias_optional()
    {
        using var grouped = new Conv2d(4, 6, [3, 2], [1, 1], Padding.Valid, [1, 1], groups: 2, hasBias: true, Initializers.GlorotUniform, Initializers.Zeros);
        Assert.Equal([6L, 2, 3, 2], grouped.weight.shape);
        Assert.Equal(["weight", "bias"], grouped.named_parameters().Select(p => p.name));
        using var noBias = new Conv2d(4, 6, [3, 3], [1, 1], Padding.Valid, [1, 1], groups: 1, hasBias: false, Initializers.GlorotUniform, Initializers.Zeros);
        Assert.Null(noBias.bias);
        Assert.Equal(["weight"], noBias.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Kernels_get_kerases_fans_he_normal_std_is_sqrt_2_over_in_channels_times_kernel_area()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(12);
        using var conv = new Conv2d(32, 64, [3, 3], [1, 1], Padding.Same, [1, 1], groups: 1, hasBias: true, Initializers.HeNormal, Initializers.Zeros);
        Assert.Equal(new Fans(32 * 9, 64 * 9), Fans.Of(conv.weight));
        var expected = Math.Sqrt(2.0 / (32 * 9));
        var std = conv.weight.to(ScalarType.Float64).std(unbiased: false).item<double>();
        Assert.InRange(std, expected * 0.98, expected * 1.02); // 18,432 draws: the sample std is within ~0.5% (1 SE)
        Assert.Equal(0.0, conv.bias!.abs().sum().item<double>());
    }

    [Fact]
    public void Groups_must_divide_both_channel_counts()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Conv2d(4, 6, [3, 3], [1, 1], Padding.Valid, [1, 1], groups: 4, hasBias: true, Initializers.Zeros, Initializers.Zeros));
        Assert.Contains("groups", error.Message);
    }

    [Fact]
    public void A_kernel_that_is_not_two_positive_numbers_names_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Conv2d(3, 4, [3], [1, 1], Padding.Valid, [1, 1], groups: 1, hasBias: true, Initializers.Zeros, Initializers.Zeros));
        Assert.Equal("kernel", error.ParamName);
        Assert.Throws<ArgumentException>(() =>
            new Conv2d(3, 4, [3, 3], [0, 1], Padding.Valid, [1, 1], groups: 1, hasBias: true, Initializers.Zeros, Initializers.Zeros));
    }

    [Fact]
    public void Output_shapes_follow_convolution_arithmetic()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var padding in new[] { Padding.Valid, Padding.Same })
            for (long kernel = 1; kernel <= 4; kernel++)
                for (long stride = 1; stride <= 3; stride++)
                    for (long dilation = 1; dilation <= 2; dilation++)
                        foreach (var size in new long[] { 7, 8, 9 })
                        {
                            using var conv = new Conv2d(1, 1, [kernel, kernel], [stride, stride], padding, [dilation, dilation], 1, false, Initializers.Ones, Initializers.Zeros);
                            var expected = ConvolutionArithmetic.OutputSize(size, kernel, stride, dilation, padding);
                            Assert.Equal([1L, 1, expected, expected], conv.forward(torch.ones([1, 1, size, size])).shape);
                        }
    }

    private static Conv2d Make(long inChannels, long outChannels, long kernel, long stride, Padding padding) =>
        new(inChannels, outChannels, [kernel, kernel], [stride, stride], padding, [1, 1], groups: 1, hasBias: true, Initializers.GlorotUniform, Initializers.Zeros);
}
