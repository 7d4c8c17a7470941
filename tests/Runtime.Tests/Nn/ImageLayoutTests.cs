using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>The layers a dense network shares with a convolutional one, on [N, C, H, W] images.</summary>
public sealed class ImageLayoutTests
{
    public static TheoryData<string> Activations() => new("relu", "elu", "selu", "gelu", "swish", "mish", "tanh", "sigmoid", "leaky_relu");

    [Theory]
    [MemberData(nameof(Activations))]
    public void An_activation_acts_on_each_pixel_of_each_channel(string name)
    {
        using var scope = torch.NewDisposeScope();
        using Module activation = name switch
        {
            "relu" => new ReLU(),
            "elu" => new ELU(),
            "selu" => new SELU(),
            "gelu" => new GELU(),
            "swish" => new SiLU(),
            "mish" => new Mish(),
            "tanh" => new Tanh(),
            "sigmoid" => new Sigmoid(),
            "leaky_relu" => new LeakyReLU(),
            _ => throw new ArgumentException($"no activation '{name}' in this test", nameof(name)),
        };
        var x = torch.randn([2, 3, 4, 5]);
        var y = activation.forward(x);
        Assert.Equal(x.shape, y.shape);
        Assert.Equal(activation.forward(x.flatten()).ToArray<float>(), y.ToArray<float>());
    }

    [Fact]
    public void PReLU_with_one_slope_per_channel_applies_it_along_dimension_1()
    {
        using var scope = torch.NewDisposeScope();
        using var prelu = new PReLU(3);
        using (torch.no_grad()) prelu.weight.copy_(torch.tensor(new float[] { 0.1f, 0.2f, 0.3f }));
        var y = prelu.forward(torch.full([2, 3, 2, 2], -1.0)).ToArray<float>();
        for (var i = 0; i < y.Length; i++) Assert.Equal(-0.1f * (i / 4 % 3 + 1), y[i], 6); // n, c, h, w: the channel is (i / 4) % 3
    }

    [Fact]
    public void Flatten_keeps_pytorchs_order_channel_then_row_then_column()
    {
        using var scope = torch.NewDisposeScope();
        using var flatten = new Flatten();
        var x = torch.arange(2 * 3 * 4 * 5, ScalarType.Float32).reshape(2, 3, 4, 5);
        var y = flatten.forward(x);
        Assert.Equal([2L, 60], y.shape);
        var values = y.ToArray<float>();
        for (long c = 0; c < 3; c++)
            for (long h = 0; h < 4; h++)
                for (long w = 0; w < 5; w++)
                    Assert.Equal(x.select(0, 1).select(0, c).select(0, h).select(0, w).item<float>(), values[60 + c * 20 + h * 5 + w]);
    }
}
