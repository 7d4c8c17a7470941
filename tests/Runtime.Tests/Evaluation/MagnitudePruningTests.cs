using DeepDsl.Nn;
using DeepDsl.Pruning;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Evaluation;

public sealed class MagnitudePruningTests
{
    [Fact]
    public void Each_dense_layer_reaches_the_target_sparsity_by_dropping_its_smallest_weights()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        using var model = new Sequential(new Linear(20, 50), new Linear(50, 10));
        var before = ((Linear)model.Layers[0]).weight.abs().ToArray<float>();
        using var pruning = MagnitudePruning.Prune(model, 0.9);
        var report = pruning.Report();
        Assert.Equal(["0.weight", "1.weight"], report.Select(r => r.Name));
        Assert.All(report, r => Assert.InRange(r.Sparsity, 0.899, 0.901));
        var kept = ((Linear)model.Layers[0]).weight.abs().ToArray<float>().Where(v => v != 0).Min();
        Assert.Equal(before.Order().ElementAt(900), kept);
        Assert.All(((Linear)model.Layers[0]).bias!.ToArray<float>(), b => Assert.Equal(0f, b)); // biases untouched (zeros init)
    }

    [Fact]
    public void Fine_tuning_keeps_pruned_weights_at_zero()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        using var model = new Sequential(new Linear(4, 3));
        using var pruning = MagnitudePruning.Prune(model, 0.5);
        using var sgd = new DeepDsl.Optim.SGD(model.parameters(), 0.5);
        model.forward(torch.randn([8, 4])).sum().backward();
        sgd.step();
        pruning.Callback.OnBatchEnd(null!, null!);
        Assert.Equal(6, ((Linear)model.Layers[0]).weight.eq(0.0).sum().item<long>());
    }
}
