using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Sweeps;

namespace DeepDsl.Dsl.Tests;

/// <summary>Sweep paths into residual blocks: `model.layers[block].layers[layer].setting`, at any depth, located when wrong.</summary>
public sealed class ResidualSweepPathTests
{
    private const string Base = """
        name: res
        data: { dataset: synthetic, classes: 3, validation: 100 }
        model:
          input: [3, 8, 8]
          layers:
            - conv2d: { filters: 4, kernel_size: 3, padding: same, activation: relu, kernel_init: he_normal }
            - residual:
                name: res1
                layers:
                  - conv2d: { filters: 4, kernel_size: 3, padding: same, activation: relu, kernel_init: he_normal, name: conv_a }
                  - residual:
                      name: inner
                      layers:
                        - conv2d: { filters: 4, kernel_size: 3, padding: same, kernel_init: he_normal, name: conv_b }
                activation: relu
            - global_avg_pool2d
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: adam
          epochs: 1
        """;

    private static SpecCompilation Compile(string parameters) =>
        Specs.Compile("extends: base.yaml\nname: s\nsweep:\n  parameters:\n" + parameters, ("base.yaml", Base));

    private static Conv2dLayer Conv(ExperimentSpec spec, string name) => spec.Model.Layers.OfType<Conv2dLayer>().Single(l => l.Name == name);

    [Fact]
    public void A_path_through_a_block_sets_a_layer_of_its_body()
    {
        var compilation = Compile("    model.layers[res1].layers[conv_a].filters: [4, 8]\n");
        Assert.True(!compilation.HasErrors, string.Join("; ", compilation.Errors));
        Assert.Equal([4L, 8], compilation.Trials.Select(t => Conv(t.Spec, "conv_a").Filters));
        Assert.All(compilation.Trials, t => Assert.Equal(4, Conv(t.Spec, "conv_b").Filters));
    }

    [Fact]
    public void A_path_reaches_a_block_nested_in_a_block()
    {
        var compilation = Compile("    model.layers[res1].layers[inner].layers[conv_b].kernel_size: [1, [3, 5]]\n");
        Assert.True(!compilation.HasErrors, string.Join("; ", compilation.Errors));
        Assert.Equal(["1×1", "3×5"], compilation.Trials.Select(t => Conv(t.Spec, "conv_b").KernelSize.ToString()));
    }

    [Fact]
    public void A_wildcard_before_a_body_chooses_among_the_blocks_only()
    {
        var compilation = Compile("    model.layers[*].layers[conv_*].use_bias: [false]\n");
        Assert.True(!compilation.HasErrors, string.Join("; ", compilation.Errors));
        Assert.False(Conv(compilation.Trials.Single().Spec, "conv_a").UseBias);
        Assert.True(Conv(compilation.Trials.Single().Spec, "conv2d_1").UseBias);
    }

    [Fact]
    public void A_body_layer_that_is_not_there_is_DDSL018_naming_the_body_s_layers()
    {
        var error = Specs.Single(Compile("    model.layers[res1].layers[conv_z].filters: [4]\n"), "DDSL018");
        Assert.Contains("no layer is named conv_z (the layers are conv_a, inner)", error.Message);
        Assert.Equal(4, error.Location.StartLine);
    }

    [Fact]
    public void A_path_into_the_body_of_a_plain_layer_is_DDSL018_naming_the_blocks()
    {
        var error = Specs.Single(Compile("    model.layers[conv2d_1].layers[conv_a].filters: [4]\n"), "DDSL018");
        Assert.Contains("no residual block is named conv2d_1 (the blocks are res1)", error.Message);
    }

    [Fact]
    public void The_layers_a_chain_of_names_reaches_are_those_of_each_body_in_turn()
    {
        var spec = Specs.Compile(Base).Spec!;
        Assert.Equal(["conv2d_1", "res1", "global_avg_pool2d_1", "dense_1"], SweepLayers.Of(spec).Select(l => l.Name));
        Assert.Equal(["conv_a", "inner"], SweepLayers.Reached(spec, [new("res1"), new("*")]).Select(l => l.Name));
        Assert.Equal(["conv_b"], SweepLayers.Reached(spec, [new("res*"), new("inner"), new("*")]).Select(l => l.Name));
    }
}
