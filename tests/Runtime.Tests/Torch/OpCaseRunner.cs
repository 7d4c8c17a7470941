using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Runs a fixture case through the binding and compares output and input gradients with PyTorch's.</summary>
public static class OpCaseRunner
{
    public static void AssertMatchesPyTorch(OpCase c, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var inputs = c.Inputs(device);
        var output = OpCatalog.Apply(c, inputs);
        var tolerance = OpCase.Tolerance(c.Dtype);

        Assert.Equal(c.OutputShape, output.shape);
        Assert.Equal(c.OutputDtype, output.dtype);
        Assert.Equal(device.Type, output.device.Type);
        OpCase.AssertClose(c.Output, output.to(ScalarType.Float64, Device.CPU).ToArray<double>(), tolerance, $"{c.Id} output");

        Assert.Equal(c.HasGradients, output.requires_grad);
        if (!c.HasGradients) return;
        (output * OpCase.Weight(output)).sum().backward();
        var expected = c.Grads;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (expected[i] is not { } grad) continue;
            var actual = inputs[i].grad ?? throw new Xunit.Sdk.XunitException($"{c.Id}: input {i} got no gradient");
            OpCase.AssertClose(grad, actual.to(ScalarType.Float64, Device.CPU).ToArray<double>(), tolerance, $"{c.Id} gradient of input {i}");
        }
    }
}
