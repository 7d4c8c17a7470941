using DeepDsl.Optim;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Optim;

public sealed class OptimizerStateTests
{
    [Theory]
    [InlineData("nadam")]
    [InlineData("adam")]
    [InlineData("sgd_momentum")]
    [InlineData("rmsprop_momentum_centered")]
    public void Resuming_from_a_state_dict_continues_the_same_trajectory(string name)
    {
        using var scope = torch.NewDisposeScope();
        var straight = Train(name, steps: 10, resumeAfter: null);
        var resumed = Train(name, steps: 10, resumeAfter: 4);
        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void Learning_rate_set_between_steps_is_used_by_the_next_step()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.tensor(new double[] { 1.0 }).requires_grad_();
        using var sgd = new SGD([w], 0.1);
        sgd.zero_grad();
        (w * 3.0).sum().backward();
        sgd.LearningRate = 0.5;
        sgd.step();
        Assert.Equal(1.0 - 0.5 * 3.0, w.item<double>(), 12);
    }

    [Fact]
    public void Zero_grad_keeps_gradients_as_views_of_one_buffer()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.ones([2, 2]).requires_grad_();
        var b = torch.ones([3]).requires_grad_();
        using var sgd = new SGD([a, b], 0.1);
        (a.sum() + b.sum() * 2.0).backward();
        Assert.Equal([1, 1, 1, 1, 2, 2, 2], sgd.Parameters.Grads.ToArray<float>());
        sgd.zero_grad();
        Assert.All(a.grad!.ToArray<float>(), g => Assert.Equal(0f, g));
        (a.sum() * 3.0).backward();
        Assert.Equal([3, 3, 3, 3, 0, 0, 0], sgd.Parameters.Grads.ToArray<float>());
    }

    [Fact]
    public void Nesterov_without_momentum_is_rejected()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.ones([1]).requires_grad_();
        Assert.Throws<ArgumentException>(() => new SGD([w], 0.1, momentum: 0, nesterov: true));
    }

    private static double[] Train(string name, int steps, int? resumeAfter)
    {
        var weight = torch.tensor(new[] { 0.5, -0.3, 0.8, 0.1, -0.7, 0.2 }, [2, 3]).requires_grad_();
        var x = torch.tensor(new[] { 1.0, 2.0, -1.0, 0.5, 0.0, 1.5 }, [2, 3]);
        var y = torch.tensor(new long[] { 1, 0 });
        var optimizer = OptimizerTrajectoryTests.Create(name, [weight]);
        for (var step = 0; step < steps; step++)
        {
            if (step == resumeAfter)
            {
                var saved = optimizer.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
                var values = weight.clone();
                optimizer.Dispose();
                weight = torch.zeros([2, 3], ScalarType.Float64).requires_grad_();
                using (torch.no_grad()) weight.copy_(values);
                optimizer = OptimizerTrajectoryTests.Create(name, [weight]);
                optimizer.load_state_dict(saved);
            }
            optimizer.zero_grad();
            torch.nn.functional.cross_entropy(x.matmul(weight.t()), y).backward();
            optimizer.step();
        }
        optimizer.Dispose();
        return weight.ToArray<double>();
    }
}
