using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Nn.Init;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>Residual: body(x) + x, or body(x) + projection(x).</summary>
public sealed class ResidualTests
{
    [Fact]
    public void Without_a_projection_the_input_is_added_to_the_body()
    {
        using var scope = torch.NewDisposeScope();
        using var block = new Residual(new Sequential(Conv(4, 4, stride: 1), new ReLU()), null);
        var x = torch.randn([2, 4, 6, 6]);
        var expected = block.Body.forward(x) + x;
        Assert.Equal(expected.ToArray<float>(), block.forward(x).ToArray<float>());
        Assert.Equal(["body.0.weight", "body.0.bias"], block.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void A_projection_matches_the_shortcut_to_a_strided_wider_body()
    {
        using var scope = torch.NewDisposeScope();
        using var block = new Residual(Conv(3, 8, stride: 2), Conv(3, 8, stride: 2, kernel: 1));
        var x = torch.randn([2, 3, 8, 8]);
        var y = block.forward(x);
        Assert.Equal([2L, 8, 4, 4], y.shape);
        Assert.Equal((block.Body.forward(x) + block.Projection!.forward(x)).ToArray<float>(), y.ToArray<float>());
        Assert.Equal(["body.weight", "body.bias", "projection.weight", "projection.bias"], block.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Gradients_reach_the_body_the_projection_and_the_input()
    {
        using var scope = torch.NewDisposeScope();
        using var block = new Residual(Conv(2, 4, stride: 1), Conv(2, 4, stride: 1, kernel: 1));
        var x = torch.randn([1, 2, 5, 5]).requires_grad_();
        block.forward(x).sum().backward();
        Assert.All(block.parameters(), p => Assert.NotNull(p.grad));
        Assert.NotNull(x.grad);
    }

    [Fact]
    public void Shapes_that_do_not_add_up_are_libtorchs_error()
    {
        using var scope = torch.NewDisposeScope();
        using var block = new Residual(Conv(3, 8, stride: 2), null);
        Assert.Throws<TorchException>(() => block.forward(torch.randn([1, 3, 8, 8])));
    }

    [Fact]
    public void Train_and_eval_reach_the_branches()
    {
        using var block = new Residual(new Sequential(new SpatialDropout2d(0.5)), new BatchNorm2d(3));
        block.eval();
        Assert.All(block.named_modules(), m => Assert.False(m.module.training));
    }

    private static Conv2d Conv(long inChannels, long outChannels, long stride, long kernel = 3) =>
        new(inChannels, outChannels, [kernel, kernel], [stride, stride], Padding.Same, [1, 1], groups: 1, hasBias: true, Initializers.HeNormal, Initializers.Zeros);
}
