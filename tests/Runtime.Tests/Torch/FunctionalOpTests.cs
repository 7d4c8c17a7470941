using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Activations, softmax, prelu and batch norm agree with PyTorch 1.13.</summary>
public sealed class FunctionalOpTests
{
    public static TheoryData<string> Cases() => OpCase.Ids("ops_functional");

    public static TheoryData<string> BatchNormTrainingCases() =>
        new(OpCase.All("ops_functional").Where(c => c.Name == "batch_norm_train").Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_input_gradients_match_pytorch(string id) => OpCaseRunner.AssertMatchesPyTorch(OpCase.Get("ops_functional", id), Device.CPU);

    [Theory]
    [MemberData(nameof(BatchNormTrainingCases))]
    public void Batch_norm_in_training_updates_the_running_statistics_like_pytorch(string id)
    {
        using var scope = torch.NewDisposeScope();
        var c = OpCase.Get("ops_functional", id);
        var t = c.Inputs(Device.CPU);
        var (runningMean, runningVar) = (torch.zeros([3], c.Dtype), torch.ones([3], c.Dtype));
        F.batch_norm(t[0], runningMean, runningVar, t[1], t[2], training: true, momentum: 0.1, eps: 1e-5);
        var tolerance = OpCase.Tolerance(c.Dtype);
        OpCase.AssertClose(OpCase.Doubles(c.Json.GetProperty("running_mean")), runningMean.to(ScalarType.Float64).ToArray<double>(), tolerance, "running mean");
        OpCase.AssertClose(OpCase.Doubles(c.Json.GetProperty("running_var")), runningVar.to(ScalarType.Float64).ToArray<double>(), tolerance, "running var");
    }

    [Fact]
    public void Batch_norm_in_eval_mode_leaves_the_running_statistics_alone()
    {
        using var scope = torch.NewDisposeScope();
        var (runningMean, runningVar) = (torch.full([3], 0.5, ScalarType.Float64), torch.full([3], 2.0, ScalarType.Float64));
        var y = F.batch_norm(torch.randn([8, 3], ScalarType.Float64), runningMean, runningVar, training: false, eps: 0);
        Assert.Equal([0.5, 0.5, 0.5], runningMean.ToArray<double>());
        Assert.Equal([2.0, 2.0, 2.0], runningVar.ToArray<double>());
        Assert.Equal([8L, 3], y.shape);
    }
}
