using DeepDsl.Nn;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>The output-size formulas the layers and the language share.</summary>
public sealed class ConvolutionArithmeticTests
{
    [Theory]
    [InlineData(32, 3, 1, 1, 30)]
    [InlineData(32, 3, 2, 1, 15)]
    [InlineData(32, 2, 2, 1, 16)]
    [InlineData(7, 3, 1, 2, 3)] // receptive field 5
    [InlineData(5, 5, 1, 1, 1)]
    [InlineData(4, 5, 1, 1, 0)] // the kernel does not fit
    [InlineData(2, 5, 2, 1, -1)]
    public void Valid_is_floor_of_input_minus_receptive_field_over_stride_plus_one(long input, long kernel, long stride, long dilation, long expected) =>
        Assert.Equal(expected, ConvolutionArithmetic.OutputSize(input, kernel, stride, dilation, Padding.Valid));

    [Theory]
    [InlineData(32, 3, 1, 32)]
    [InlineData(32, 3, 2, 16)]
    [InlineData(7, 2, 2, 4)]
    [InlineData(7, 3, 3, 3)]
    [InlineData(1, 7, 4, 1)]
    public void Same_is_the_input_over_the_stride_rounded_up_whatever_the_kernel(long input, long kernel, long stride, long expected) =>
        Assert.Equal(expected, ConvolutionArithmetic.OutputSize(input, kernel, stride, 1, Padding.Same));

    [Theory]
    [InlineData(7, 3, 1, 1, 1, 1)]
    [InlineData(6, 3, 2, 1, 0, 1)] // one cell: after, as TensorFlow pads
    [InlineData(7, 2, 1, 1, 0, 1)]
    [InlineData(7, 4, 2, 1, 1, 2)]
    [InlineData(7, 3, 1, 2, 2, 2)] // receptive field 5
    [InlineData(6, 3, 3, 1, 0, 0)]
    public void Same_padding_puts_the_odd_cell_after(long input, long kernel, long stride, long dilation, long before, long after) =>
        Assert.Equal((before, after), ConvolutionArithmetic.SamePadding(input, kernel, stride, dilation));

    [Fact]
    public void Sizes_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionArithmetic.OutputSize(8, 0, 1, 1, Padding.Valid));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionArithmetic.OutputSize(8, 3, 0, 1, Padding.Same));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionArithmetic.OutputSize(8, 3, 1, 0, Padding.Valid));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionArithmetic.OutputSize(-1, 3, 1, 1, Padding.Valid));
    }
}
