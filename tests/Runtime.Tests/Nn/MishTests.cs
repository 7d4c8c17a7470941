using DeepDsl.Nn.Activations;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

public sealed class MishTests
{
    [Fact]
    public void Mish_is_x_times_tanh_of_softplus_x()
    {
        using var scope = torch.NewDisposeScope();
        var y = new Mish().forward(torch.tensor(new float[] { -1, 0, 1, 3 }, [4])).ToArray<float>();
        // x·tanh(ln(1 + eˣ)), computed in double.
        double[] expected = [-1 * Math.Tanh(Math.Log(1 + Math.Exp(-1))), 0, Math.Tanh(Math.Log(1 + Math.E)), 3 * Math.Tanh(Math.Log(1 + Math.Exp(3)))];
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], y[i], 1e-6);
    }

    [Fact]
    public void Mish_and_its_gradient_stay_finite_far_from_zero()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { -200, -50, 50, 200 }, [4]).requires_grad_();
        var y = new Mish().forward(x);
        y.sum().backward();
        var values = y.ToArray<float>();
        var gradients = x.grad!.ToArray<float>();
        Assert.All(values.Concat(gradients), v => Assert.True(float.IsFinite(v), string.Join(", ", values.Concat(gradients))));
        Assert.Equal([0f, 0f, 50f, 200f], values.Select(v => MathF.Round(v, 4) + 0f));
        Assert.Equal([0f, 0f, 1f, 1f], gradients.Select(g => MathF.Round(g, 4) + 0f));
    }
}
