using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Shapes;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>Shapes followed from model.input through every layer: what each layer gives, its parameters, and located DDSL019 errors.</summary>
public sealed class ShapeTests
{
    private static ModelShapes Shapes(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Spec is not null, string.Join("; ", compilation.Diagnostics));
        return ShapeInference.Infer(compilation.Spec!.Model);
    }

    [Fact]
    public void A_small_resnet_flows_from_image_to_classes_with_the_projection_counted()
    {
        var shapes = Shapes(Cnn);
        Assert.Null(shapes.Error);
        Assert.Equal(
            ["conv2d_1 [16, 32, 32] 448", "batch_norm_1 [16, 32, 32] 32", "conv2d_2 [32, 16, 16] 4640", "conv2d_3 [32, 16, 16] 9248",
             "residual_1 [32, 16, 16] 544", "max_pool2d_1 [32, 8, 8] 0", "global_avg_pool2d_1 [32] 0", "dense_1 [10] 330"],
            shapes.Layers.Select(l => $"{l.Layer.Name} {l.Output} {l.Parameters}"));
        // 16·3·9 + 16, 2·16, 32·16·9 + 32, 32·32·9 + 32, the 1×1 projection 16·32 + 32, 32·10 + 10.
        Assert.Equal(448 + 32 + 4640 + 9248 + 544 + 330, shapes.TotalParameters);
        Assert.Equal(new TensorShape(16, 32, 32), shapes.Layers[4].BlockInput);
    }

    [Theory]
    [InlineData(32, 3, 1, 1, "same", 32)]
    [InlineData(32, 3, 2, 1, "same", 16)]
    [InlineData(32, 4, 2, 1, "same", 16)]
    [InlineData(33, 4, 2, 1, "same", 17)]
    [InlineData(32, 3, 1, 1, "valid", 30)]
    [InlineData(32, 3, 2, 1, "valid", 15)]
    [InlineData(32, 3, 1, 2, "valid", 28)]
    [InlineData(7, 7, 1, 1, "valid", 1)]
    [InlineData(6, 7, 1, 1, "valid", 0)]
    public void Window_arithmetic_follows_keras(long input, long kernel, long stride, long dilation, string padding, long expected) =>
        Assert.Equal(expected, ConvolutionArithmetic.Output(input, kernel, stride, dilation, padding));

    [Theory]
    [InlineData(32, 4, 2, 1, 2)] // TensorFlow pads 2 in total for an even kernel at stride 2: 1 before, 1 after… its odd share goes after
    [InlineData(33, 4, 2, 1, 3)]
    [InlineData(32, 3, 1, 1, 2)]
    [InlineData(32, 3, 1, 2, 4)]
    public void Same_padding_is_tensorflows_total(long input, long kernel, long stride, long dilation, long expected) =>
        Assert.Equal(expected, ConvolutionArithmetic.SamePadding(input, kernel, stride, dilation));

    [Fact]
    public void A_dense_layer_after_a_convolution_without_flatten_is_located_at_the_dense_layer()
    {
        var spec = Cnn.Replace("    - global_avg_pool2d\n", "");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "dense"));
        Assert.Equal("'dense_1' (dense) needs a vector but gets [32, 8, 8]: add '- flatten' before it (or a global_avg_pool2d)", d.Message);
    }

    [Fact]
    public void A_pool_larger_than_its_input_is_located_at_the_pool()
    {
        var spec = Cnn.Replace("    - max_pool2d\n", "    - max_pool2d: { pool_size: 20 }\n");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "max_pool2d"));
        Assert.Contains("20×20 pool larger than its 16×16 input", d.Message);
    }

    [Fact]
    public void A_kernel_that_does_not_fit_with_valid_padding_names_its_span()
    {
        var spec = Cnn.Replace("kernel_size: 3, padding: same, activation: relu, kernel_init: he_normal }\n    - batch_norm",
            "kernel_size: 17, dilation_rate: 2 }\n    - batch_norm");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "conv2d"));
        Assert.Contains("17×17 kernel with dilation 2 (spanning 33 pixels) that does not fit its 32×32 input", d.Message);
    }

    [Fact]
    public void Groups_must_divide_channels_and_filters()
    {
        var spec = Cnn.Replace("filters: 16, kernel_size: 3,", "filters: 16, kernel_size: 3, groups: 2,");
        var d = Single(Compile(spec), "DDSL019");
        Assert.Contains("3 input channels and 16 filters into 2 groups", d.Message);
    }

    [Fact]
    public void A_convolution_on_a_vector_is_an_error_that_names_the_shape_it_needs()
    {
        var spec = Cnn.Replace("    - conv2d: { filters: 16", "    - flatten\n    - conv2d: { filters: 16");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "conv2d"));
        Assert.Equal("'conv2d_1' (conv2d) convolves images of shape [channels, height, width] but gets [3072]", d.Message);
    }

    [Fact]
    public void A_residual_block_that_changes_the_shape_without_projection_is_located_at_the_block()
    {
        var spec = Cnn.Replace("        activation: relu\n", "        activation: relu\n        projection: none\n");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "residual"));
        Assert.Equal("'residual_1' (residual) adds its input [16, 32, 32] to its body's output [32, 16, 16]: the shapes differ, so the block needs a projection (projection: auto)", d.Message);
    }

    [Fact]
    public void A_residual_block_whose_body_leaves_images_cannot_be_projected()
    {
        var spec = Cnn.Replace("          - conv2d: { filters: 32, kernel_size: 3, padding: same, kernel_init: he_normal }\n",
            "          - conv2d: { filters: 32, kernel_size: 3, padding: same, kernel_init: he_normal }\n          - global_avg_pool2d\n");
        var d = Single(Compile(spec), "DDSL019");
        Assert.Equal("'residual_1' (residual) cannot project its input [16, 32, 32] onto its body's output [32]", d.Message);
    }

    [Fact]
    public void A_residual_block_that_keeps_the_shape_adds_its_input_without_parameters()
    {
        var spec = Cnn.Replace("filters: 32, kernel_size: 3, strides: 2,", "filters: 16, kernel_size: 3,").Replace("filters: 32, kernel_size: 3, padding", "filters: 16, kernel_size: 3, padding");
        var residual = Shapes(spec).Layers.Single(l => l.Layer is ResidualLayer);
        Assert.Equal(0, residual.Parameters);
        Assert.False(((ResidualLayer)residual.Layer).Projects(residual.BlockInput!, residual.Input));
    }

    [Fact]
    public void A_residual_block_that_always_projects_counts_its_projection_even_when_the_shapes_agree()
    {
        var spec = Cnn.Replace("filters: 32, kernel_size: 3, strides: 2,", "filters: 16, kernel_size: 3,").Replace("filters: 32, kernel_size: 3, padding", "filters: 16, kernel_size: 3, padding")
            .Replace("        activation: relu\n", "        activation: relu\n        projection: always\n");
        var residual = Shapes(spec).Layers.Single(l => l.Layer is ResidualLayer);
        Assert.Equal(16 * 16 + 16, residual.Parameters);
        Assert.True(((ResidualLayer)residual.Layer).Projects(residual.BlockInput!, residual.Input));
    }

    [Fact]
    public void Batch_norm_follows_the_shape_one_pair_per_feature_or_channel()
    {
        var shapes = Shapes(Valid.Replace("    - flatten\n", "    - flatten\n    - batch_norm\n"));
        Assert.Equal(2 * 3072, shapes.Layers.Single(l => l.Layer is BatchNormLayer).Parameters);
        Assert.Equal(32, Shapes(Cnn).Layers.Single(l => l.Layer is BatchNormLayer).Parameters);
    }

    [Fact]
    public void Sizes_too_large_to_count_are_an_error_not_a_wrapped_number()
    {
        var spec = Valid.Replace("input: [3, 32, 32]", "input: [2147483647, 2147483647, 2147483647]").Replace("data: { dataset: cifar10, validation: 1000 }", "data: { dataset: synthetic, classes: 10 }");
        var d = Single(Compile(spec), "DDSL019");
        Assert.Contains("too large to count", d.Message);
    }

    [Fact]
    public void Layers_inside_residual_blocks_are_named_in_forward_order_and_the_block_keeps_its_nesting_in_the_canonical_text()
    {
        var spec = Compile(Cnn).Spec!;
        Assert.Equal(["conv2d_1", "batch_norm_1", "conv2d_2", "conv2d_3", "residual_1", "max_pool2d_1", "global_avg_pool2d_1", "dense_1"], spec.Model.Layers.Select(l => l.Name));
        Assert.Equal(2, ((ResidualLayer)spec.Model.Layers[4]).BodyLength);
        Assert.Contains("- { residual: { layers: [{ conv2d: { filters: 32,", spec.CanonicalYaml);
        Assert.Contains("name: conv2d_3 } }], projection: auto, activation: relu, projection_init: glorot_uniform, name: residual_1 } }", spec.CanonicalYaml);
    }

    [Fact]
    public void A_repeat_inside_a_residual_block_expands_inside_it()
    {
        var spec = Compile(Cnn.Replace("          - conv2d: { filters: 32, kernel_size: 3, padding: same, kernel_init: he_normal }\n",
            "          - repeat: 2\n            layers:\n              - conv2d: { filters: 32, kernel_size: 3, padding: same, kernel_init: he_normal }\n")).Spec!;
        Assert.Equal(3, ((ResidualLayer)spec.Model.Layers.Single(l => l is ResidualLayer)).BodyLength);
    }
}
