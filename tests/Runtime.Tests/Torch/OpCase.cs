using System.Text.Json;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// One case of a PyTorch fixture (Fixtures/ops_*.json, written by tests/fixtures/generate_op_fixtures.py):
/// an op applied to inputs of one dtype, its output, and the gradient of Σ output·weight for each floating input,
/// where weight[i] = 0.5 + i/(n−1) over the n output elements.
/// </summary>
public sealed record OpCase(string Family, string Name, ScalarType Dtype, JsonElement Json)
{
    private static readonly Dictionary<string, OpCase[]> Families = new();

    public string Id => $"{Name}/{DtypeName(Dtype)}";

    public static OpCase[] All(string family)
    {
        lock (Families)
        {
            if (!Families.TryGetValue(family, out var cases))
            {
                var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", family + ".json"))).RootElement;
                Families[family] = cases = root.GetProperty("cases").EnumerateArray()
                    .Select(c => new OpCase(family, c.GetProperty("name").GetString()!, ParseDtype(c.GetProperty("dtype").GetString()!), c)).ToArray();
            }
            return cases;
        }
    }

    public static OpCase Get(string family, string id) => All(family).Single(c => c.Id == id);

    public static TheoryData<string> Ids(string family) => new(All(family).Select(c => c.Id));

    /// <summary>The inputs on <paramref name="device"/>, floating ones requiring grad.</summary>
    public Tensor[] Inputs(Device device) => Json.GetProperty("inputs").EnumerateArray().Select(i =>
    {
        var t = TensorOf(i.GetProperty("data"), Shape(i.GetProperty("shape")), ParseDtype(i.GetProperty("dtype").GetString()!)).to(device);
        return t.dtype is ScalarType.Float32 or ScalarType.Float64 ? t.requires_grad_() : t;
    }).ToArray();

    public ScalarType OutputDtype => ParseDtype(Json.GetProperty("output").GetProperty("dtype").GetString()!);

    public long[] OutputShape => Shape(Json.GetProperty("output").GetProperty("shape"));

    public double[] Output => Doubles(Json.GetProperty("output").GetProperty("data"));

    /// <summary>Expected gradients per input, null for inputs PyTorch did not differentiate; empty when the output has none.</summary>
    public double[]?[] Grads => Json.TryGetProperty("grads", out var g)
        ? g.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : Doubles(e)).ToArray()
        : [];

    public bool HasGradients => Json.TryGetProperty("grads", out _);

    /// <summary>A constant argument stored beside the inputs (labels, targets, running statistics), as a tensor like <paramref name="like"/>.</summary>
    public Tensor Constant(string key, Tensor like, ScalarType? dtype = null) =>
        TensorOf(Json.GetProperty(key), [Json.GetProperty(key).GetArrayLength()], dtype ?? like.dtype).to(like.device);

    /// <summary>weight[i] = 0.5 + i/(n−1), shaped like the output: the generator's weight for Σ output·weight.</summary>
    public static Tensor Weight(Tensor output)
    {
        var n = output.numel();
        var w = new double[n];
        for (var i = 0; i < n; i++) w[i] = n > 1 ? 0.5 + (double)i / (n - 1) : 0.5;
        return torch.tensor(w, output.shape).to(output.dtype, output.device);
    }

    /// <summary>1e-6 in float64, 1e-5 in float32, relative above magnitude 1.</summary>
    public static double Tolerance(ScalarType dtype) => dtype == ScalarType.Float32 ? 1e-5 : 1e-6;

    public static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance})");
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static long[] Shape(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static ScalarType ParseDtype(string name) => name switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "int64" => ScalarType.Int64,
        "bool" => ScalarType.Bool,
        _ => throw new ArgumentException($"fixture dtype '{name}'"),
    };

    public static string DtypeName(ScalarType dtype) => dtype.ToString().ToLowerInvariant();

    private static Tensor TensorOf(JsonElement data, long[] shape, ScalarType dtype) =>
        torch.tensor(Doubles(data), shape).to(dtype);

    public override string ToString() => Id;
}
