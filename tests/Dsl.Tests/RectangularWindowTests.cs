using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Shapes;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>Kernels, strides, dilations and pools written [height, width] beside the one-integer form: shapes per axis, parameters, located errors.</summary>
public sealed class RectangularWindowTests
{
    private const string FirstConv = "conv2d: { filters: 16, kernel_size: 3, padding: same, activation: relu, kernel_init: he_normal }";

    private static ModelShapes Shapes(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Spec is not null, string.Join("; ", compilation.Diagnostics));
        return ShapeInference.Infer(compilation.Spec!.Model);
    }

    private static string WithFirstConv(string settings) => Cnn.Replace(FirstConv, "conv2d: { filters: 16, " + settings + ", activation: relu, kernel_init: he_normal }");

    [Fact]
    public void A_rectangular_kernel_with_rectangular_strides_and_same_padding_gives_ceil_of_each_side_over_its_stride()
    {
        // Input 32×32: ceil(32 / 2) = 16 rows, ceil(32 / 1) = 32 columns; weights 16·3·(3·5) + 16.
        var first = Shapes(WithFirstConv("kernel_size: [3, 5], strides: [2, 1], padding: same")).Layers[0];
        Assert.Equal(new TensorShape(16, 16, 32), first.Output);
        Assert.Equal(16 * 3 * 15 + 16, first.Parameters);
    }

    [Fact]
    public void A_rectangular_kernel_with_valid_padding_and_dilation_per_axis_shrinks_each_side_by_its_own_span()
    {
        // Spans (3 − 1)·1 + 1 = 3 and (5 − 1)·2 + 1 = 9: 32 − 3 + 1 = 30 rows, 32 − 9 + 1 = 24 columns.
        var first = Shapes(WithFirstConv("kernel_size: [3, 5], dilation_rate: [1, 2]")).Layers[0];
        Assert.Equal(new TensorShape(16, 30, 24), first.Output);
    }

    [Fact]
    public void An_even_rectangular_kernel_with_same_padding_keeps_ceil_sizes_on_odd_inputs()
    {
        var spec = WithFirstConv("kernel_size: [2, 4], strides: [3, 2], padding: same").Replace("input: [3, 32, 32]", "input: [3, 31, 29]")
            .Replace("data: { dataset: cifar10, validation: 1000 }", "data: { dataset: synthetic, classes: 10 }");
        Assert.Equal(new TensorShape(16, 11, 15), Shapes(spec).Layers[0].Output);
        Assert.Equal(new Size2d(1, 3), new Size2d(ConvolutionArithmetic.SamePadding(31, 2, 3, 1), ConvolutionArithmetic.SamePadding(29, 4, 2, 1)));
    }

    [Fact]
    public void A_rectangular_pool_moves_by_its_own_size_when_strides_is_not_given()
    {
        var shapes = Shapes(Cnn.Replace("    - max_pool2d\n", "    - max_pool2d: { pool_size: [2, 4] }\n"));
        Assert.Equal(new TensorShape(32, 8, 4), shapes.Layers.Single(l => l.Layer is MaxPool2dLayer).Output);
    }

    [Fact]
    public void A_rectangular_pool_too_wide_for_its_input_is_located_at_the_pool()
    {
        var spec = Cnn.Replace("    - max_pool2d\n", "    - max_pool2d: { pool_size: [2, 17] }\n");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "max_pool2d"));
        Assert.Contains("2×17 pool larger than its 16×16 input", d.Message);
    }

    [Fact]
    public void The_canonical_spec_keeps_the_form_each_size_was_written_in()
    {
        var canonical = Compile(WithFirstConv("kernel_size: [3, 5], strides: 2")).Spec!.CanonicalYaml;
        Assert.Contains("kernel_size: [3, 5]", canonical);
        Assert.Contains("strides: 2", canonical);
    }

    [Fact]
    public void A_square_written_as_a_pair_is_the_spec_written_with_one_integer_and_hashes_alike()
    {
        var one = Compile(WithFirstConv("kernel_size: 3, strides: 2, padding: same"));
        var pair = Compile(WithFirstConv("kernel_size: [3, 3], strides: [2, 2], padding: same"));
        Assert.True(pair.Spec is not null, string.Join("; ", pair.Diagnostics));
        Assert.Equal(one.Spec!.ContentHash, pair.Spec.ContentHash);
        Assert.Contains("kernel_size: 3, strides: 2,", pair.Spec.CanonicalYaml);
    }

    [Fact]
    public void A_sweep_over_a_size_and_its_square_pair_is_one_trial()
    {
        var compilation = Compile("extends: base.yaml\nname: s\nsweep:\n  parameters:\n    model.layers[conv2d_1].kernel_size: [3, [3, 3]]\n", ("base.yaml", Cnn));
        Assert.True(!compilation.HasErrors, string.Join("; ", compilation.Errors));
        Assert.Equal(Size2d.Square(3), Assert.Single(compilation.Trials).Spec.Model.Layers.OfType<Conv2dLayer>().First().KernelSize);
    }

    [Fact]
    public void A_residual_projection_takes_one_stride_for_both_axes_when_one_fits_as_before_rectangular_windows()
    {
        // 5 rows onto 2 take a stride of 3 or 4, 7 columns onto 2 one of 4 to 6: 4 fits both (a 2×2 kernel, strides 3, valid).
        Assert.Equal(Size2d.Square(4), ResidualLayer.ProjectionStride(new TensorShape(8, 5, 7), new TensorShape(8, 2, 2)));
    }

    [Fact]
    public void A_residual_projection_takes_a_stride_per_axis_when_no_one_stride_fits_both()
    {
        // A body that strides its rows only: 8 rows onto 4 need stride 2, 8 columns onto 8 stride 1.
        Assert.Equal(new Size2d(2, 1), ResidualLayer.ProjectionStride(new TensorShape(8, 8, 8), new TensorShape(8, 4, 8)));
    }

    [Fact]
    public void A_pair_of_one_item_is_an_error_at_the_list()
    {
        var spec = WithFirstConv("kernel_size: [3]");
        var d = Single(Compile(spec), "DDSL003");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "[3]"));
        Assert.Equal("model.layers[0].conv2d.kernel_size: expected an integer from 1 to 1024, or [height, width] of them, got a list of 1 item(s)", d.Message);
    }

    [Fact]
    public void A_side_of_zero_is_an_error_at_that_side()
    {
        var spec = WithFirstConv("kernel_size: [0, 3]");
        var d = Single(Compile(spec), "DDSL006");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "0, 3]"));
        Assert.Contains("model.layers[0].conv2d.kernel_size[0]: expected an integer from 1 to 1024, got 0", d.Message);
    }

    [Fact]
    public void A_side_that_is_not_an_integer_is_an_error_at_that_side()
    {
        var spec = WithFirstConv("strides: [3, \"a\"], kernel_size: 3");
        var d = Single(Compile(spec), "DDSL003");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "\"a\""));
        Assert.Contains("model.layers[0].conv2d.strides[1]: expected an integer from 1 to 1024", d.Message);
    }
}
