using DeepDsl.Nn;
using DeepDsl.Runtime.Tests.Torch;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>
/// The layer cases of Fixtures/layers_conv.json (tests/fixtures/generate_op_fixtures.py): a layer's arguments, its
/// input and parameters, PyTorch's output (Keras's "same" done there with F.pad) and the gradients of Σ output·weight.
/// </summary>
public static class LayerCase
{
    public const string Family = "layers_conv";

    /// <summary>
    /// The ids of the cases whose name starts with <paramref name="prefix"/>; layers with parameters take float32 only,
    /// as the modules hold their parameters in float32.
    /// </summary>
    public static TheoryData<string> Ids(string prefix, bool float32Only) =>
        new(OpCase.All(Family).Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal) && (!float32Only || c.Dtype == ScalarType.Float32)).Select(c => c.Id));

    public static OpCase Get(string id) => OpCase.Get(Family, id);

    public static long[] Pair(this OpCase c, string key) => OpCase.Shape(c.Json.GetProperty(key));

    public static Padding Padding(this OpCase c) => Enum.Parse<Padding>(c.Json.GetProperty("padding").GetString()!, ignoreCase: true);

    /// <summary>
    /// Sets <paramref name="parameters"/> to the case's inputs after the first, runs <paramref name="layer"/> on the
    /// first, and compares the output and the gradients of the input and of each parameter with PyTorch's.
    /// </summary>
    public static void AssertMatches(OpCase c, Module layer, params Tensor?[] parameters)
    {
        using var scope = torch.NewDisposeScope();
        var inputs = c.Inputs(Device.CPU);
        Assert.Equal(inputs.Length - 1, parameters.Count(p => p is not null));
        using (torch.no_grad())
            for (var i = 1; i < inputs.Length; i++) parameters[i - 1]!.copy_(inputs[i]);
        var output = layer.forward(inputs[0]);
        var tolerance = OpCase.Tolerance(c.Dtype);
        Assert.Equal(c.OutputShape, output.shape);
        OpCase.AssertClose(c.Output, output.to(ScalarType.Float64).ToArray<double>(), tolerance, $"{c.Id} output");

        (output * OpCase.Weight(output)).sum().backward();
        var expected = c.Grads;
        Tensor[] differentiated = [inputs[0], .. parameters.Where(p => p is not null).Select(p => p!)];
        for (var i = 0; i < differentiated.Length; i++)
        {
            var actual = differentiated[i].grad ?? throw new Xunit.Sdk.XunitException($"{c.Id}: tensor {i} got no gradient");
            OpCase.AssertClose(expected[i]!, actual.to(ScalarType.Float64).ToArray<double>(), tolerance, $"{c.Id} gradient of tensor {i}");
        }
    }
}
