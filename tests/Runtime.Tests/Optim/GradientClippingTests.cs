using DeepDsl.Optim;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Optim;

public sealed class GradientClippingTests
{
    [Fact]
    public void Global_norm_rescales_all_gradients_together()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (torch.zeros([2], ScalarType.Float64).requires_grad_(), torch.zeros([1], ScalarType.Float64).requires_grad_());
        using var sgd = new SGD([a, b], 1.0) { Clipping = new GradientClipping(GlobalNorm: 1.0) };
        // Gradients (3, 0) and (4): global norm 5, so each is scaled by 1/5.
        (a * torch.tensor(new[] { 3.0, 0.0 })).sum().add(b.mul(4.0).sum()).backward();
        sgd.step();
        Assert.Equal(-0.6, a.ToArray<double>()[0], 5);
        Assert.Equal(-0.8, b.ToArray<double>()[0], 5);
    }

    [Fact]
    public void Norm_rescales_each_parameter_on_its_own()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (torch.zeros([2], ScalarType.Float64).requires_grad_(), torch.zeros([1], ScalarType.Float64).requires_grad_());
        using var sgd = new SGD([a, b], 1.0) { Clipping = new GradientClipping(Norm: 1.0) };
        (a * torch.tensor(new[] { 3.0, 4.0 })).sum().add(b.mul(0.5).sum()).backward();
        sgd.step();
        Assert.Equal([-0.6, -0.8], a.ToArray<double>().Select(v => Math.Round(v, 5)));
        Assert.Equal(-0.5, b.ToArray<double>()[0], 9);
    }

    [Fact]
    public void Value_clamps_every_element()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.zeros([3], ScalarType.Float64).requires_grad_();
        using var sgd = new SGD([a], 1.0) { Clipping = new GradientClipping(Value: 0.5) };
        (a * torch.tensor(new[] { 3.0, -0.25, -9.0 })).sum().backward();
        sgd.step();
        Assert.Equal([-0.5, 0.25, 0.5], a.ToArray<double>());
    }
}
