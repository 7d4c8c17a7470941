using DeepDsl.Nn;
using DeepDsl.Runtime.Tests.Torch;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>BatchNorm2d: per-channel statistics over batch, height and width, as torch.nn.BatchNorm2d.</summary>
public sealed class BatchNorm2dTests
{
    public static TheoryData<string> Cases() => LayerCase.Ids("batch_norm2d_train", float32Only: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void In_training_output_gradients_and_running_statistics_match_pytorch(string id)
    {
        var c = LayerCase.Get(id);
        using var bn = new BatchNorm2d(3, momentum: c.Json.GetProperty("momentum").GetDouble(), eps: c.Json.GetProperty("eps").GetDouble());
        LayerCase.AssertMatches(c, bn, bn.weight, bn.bias);
        var tolerance = OpCase.Tolerance(c.Dtype);
        OpCase.AssertClose(OpCase.Doubles(c.Json.GetProperty("running_mean")), bn.running_mean.to(ScalarType.Float64).ToArray<double>(), tolerance, "running mean");
        OpCase.AssertClose(OpCase.Doubles(c.Json.GetProperty("running_var")), bn.running_var.to(ScalarType.Float64).ToArray<double>(), tolerance, "running var");
    }

    [Fact]
    public void In_eval_mode_it_normalizes_with_the_running_statistics_per_channel()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = new BatchNorm2d(2, momentum: 0.1, eps: 0);
        using (torch.no_grad())
        {
            bn.running_mean.copy_(torch.tensor(new float[] { 1, -2 }));
            bn.running_var.copy_(torch.tensor(new float[] { 4, 0.25f }));
        }
        bn.eval();
        var x = torch.tensor(new float[] { 3, 5, -2, -1.5f }, [1, 2, 1, 2]);
        Assert.Equal([1f, 2f, 0f, 1f], bn.forward(x).ToArray<float>()); // (x − mean) / sqrt(var), channel by channel
    }

    [Fact]
    public void A_flat_input_is_refused_with_the_shape_it_had()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = new BatchNorm2d(3, momentum: 0.1, eps: 1e-5);
        var error = Assert.Throws<TorchException>(() => bn.forward(torch.randn([4, 3])));
        Assert.Contains("expected 4D input (got 2D input)", error.Message);
    }

    [Fact]
    public void Its_parameters_and_buffers_are_named_as_pytorchs()
    {
        using var bn = new BatchNorm2d(8, momentum: 0.1, eps: 1e-5);
        Assert.Equal(["weight", "bias"], bn.named_parameters().Select(p => p.name));
        Assert.Equal(["running_mean", "running_var"], bn.named_buffers().Select(b => b.name));
    }
}
