using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Nn.Init;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

public sealed class ModuleTests
{
    [Fact]
    public void Exercise_network_has_the_hand_computed_parameter_count()
    {
        var layers = new List<Module> { new Flatten() };
        long inputs = 3072;
        for (var i = 0; i < 20; i++) { layers.Add(new Linear(inputs, 100, kernelInitializer: Initializers.HeNormal)); layers.Add(new ELU()); inputs = 100; }
        layers.Add(new Linear(100, 10));
        using var model = new Sequential([.. layers]);
        Assert.Equal(3072 * 100 + 100 + 19 * (100 * 100 + 100) + 100 * 10 + 10, model.parameter_count());
        using var scope = torch.NewDisposeScope();
        Assert.Equal([5L, 10L], model.forward(torch.randn([5, 3, 32, 32])).shape);
    }

    [Fact]
    public void Parameters_and_buffers_have_dotted_names()
    {
        using var model = new Sequential(new Linear(3, 4), new BatchNorm1d(4), new PReLU());
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "2.weight"], model.named_parameters().Select(p => p.name));
        Assert.Equal(["1.running_mean", "1.running_var"], model.named_buffers().Select(b => b.name));
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        using var model = new Sequential(new Linear(3, 4), new Sequential(new Dropout(0.5)));
        model.eval();
        Assert.All(model.named_modules(), m => Assert.False(m.module.training));
        model.train();
        Assert.All(model.named_modules(), m => Assert.True(m.module.training));
    }

    [Fact]
    public void Dropout_is_active_in_training_and_identity_in_eval()
    {
        using var scope = torch.NewDisposeScope();
        using var dropout = new Dropout(0.5);
        var x = torch.ones([1000]);
        Assert.True(dropout.forward(x).eq(0.0).sum().item<long>() > 300);
        dropout.eval();
        Assert.Equal(x.ToArray<float>(), dropout.forward(x).ToArray<float>());
    }

    [Fact]
    public void Batch_norm_updates_running_statistics_only_in_training()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = new BatchNorm1d(2, momentum: 0.5);
        var x = torch.tensor(new float[] { 1, 10, 3, 20 }, [2, 2]);
        bn.forward(x);
        Assert.Equal([1f, 7.5f], bn.running_mean.ToArray<float>()); // 0.5·0 + 0.5·(2, 15)
        bn.eval();
        var y = bn.forward(x);
        Assert.Equal([1f, 7.5f], bn.running_mean.ToArray<float>());
        var expected = (x - bn.running_mean) / (bn.running_var + 1e-5).sqrt();
        // To rounding: libtorch's fused kernel need not round as these four ops do (2.10 differs in the last bit).
        Torch.OpCase.AssertClose(expected.to(ScalarType.Float64).ToArray<double>(), y.to(ScalarType.Float64).ToArray<double>(), 1e-6, "eval batch norm");
    }

    [Fact]
    public void Load_state_dict_copies_values_and_rejects_mismatches()
    {
        using var scope = torch.NewDisposeScope();
        using var a = new Linear(3, 2);
        using var b = new Linear(3, 2);
        b.load_state_dict(a.state_dict());
        Assert.Equal(a.weight.ToArray<float>(), b.weight.ToArray<float>());
        using var c = new Linear(4, 2);
        var error = Assert.Throws<ArgumentException>(() => c.load_state_dict(a.state_dict()));
        Assert.Contains("weight", error.Message);
    }

    [Fact]
    public void Moving_to_a_device_keeps_parameter_identity_and_leaf_status()
    {
        using var linear = new Linear(3, 2);
        var before = linear.weight;
        linear.to(Device.CPU);
        Assert.Same(before, linear.weight);
        Assert.True(linear.weight.is_leaf);
        Assert.True(linear.weight.requires_grad);
    }

    [Fact]
    public void Optimizer_updates_are_seen_through_the_module()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = new Linear(3, 1, kernelInitializer: Initializers.Ones);
        using var sgd = new DeepDsl.Optim.SGD(linear.parameters(), 0.5);
        linear.forward(torch.ones([1, 3])).sum().backward();
        sgd.step();
        Assert.Equal([0.5f, 0.5f, 0.5f], linear.weight.ToArray<float>());
        Assert.Equal([-0.5f], linear.bias!.ToArray<float>());
    }
}
