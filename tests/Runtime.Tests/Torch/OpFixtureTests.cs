using System.Text.Json;
using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// Every op's output and input gradients (of Σ output·weight) match PyTorch 1.13's within 1e-9 in
/// float64. Fixtures: tests/fixtures/generate_op_fixtures.py.
/// </summary>
public sealed class OpFixtureTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops.json"))).RootElement;

    private static readonly Dictionary<string, Func<Tensor[], JsonElement, Tensor>> Ops = new()
    {
        ["add"] = (t, _) => t[0] + t[1],
        ["sub"] = (t, _) => t[0] - t[1],
        ["mul"] = (t, _) => t[0] * t[1],
        ["div"] = (t, _) => t[0] / t[1],
        ["add_scalar"] = (t, _) => t[0] + 2.5,
        ["mul_scalar"] = (t, _) => t[0] * -1.5,
        ["rsub_scalar"] = (t, _) => 2.0 - t[0],
        ["matmul"] = (t, _) => t[0].matmul(t[1]),
        ["linear"] = (t, _) => F.linear(t[0], t[1], t[2]),
        ["pow"] = (t, _) => t[0].pow(3.0),
        ["pow_tensor"] = (t, _) => t[0].pow(t[1]),
        ["sqrt"] = (t, _) => t[0].sqrt(),
        ["exp"] = (t, _) => t[0].exp(),
        ["log"] = (t, _) => t[0].log(),
        ["abs"] = (t, _) => t[0].abs(),
        ["sign"] = (t, _) => t[0].sign(),
        ["clamp"] = (t, _) => t[0].clamp(-0.5, 0.7),
        ["maximum"] = (t, _) => t[0].maximum(t[1]),
        ["sum_dim"] = (t, _) => t[0].sum(1),
        ["mean_dim"] = (t, _) => t[0].mean(0),
        ["std_dim"] = (t, _) => t[0].std(1),
        ["var_dim"] = (t, _) => t[0].var(0),
        ["max_dim"] = (t, _) => t[0].max(1).values,
        ["min_dim"] = (t, _) => t[0].min(0).values,
        ["argmax_dim"] = (t, _) => t[0].argmax(1).to(ScalarType.Float64),
        ["eq"] = (t, _) => t[0].round().eq(t[1].round()).to(ScalarType.Float64),
        ["gt"] = (t, _) => t[0].gt(t[1]).to(ScalarType.Float64),
        ["lt"] = (t, _) => t[0].lt(0.1).to(ScalarType.Float64),
        ["where"] = (t, _) => torch.where(t[0].gt(0.0), t[0], t[1]),
        ["masked_fill"] = (t, _) => t[0].masked_fill(t[0].lt(0.0), -7.0),
        ["reshape"] = (t, _) => t[0].reshape(2, 6),
        ["flatten"] = (t, _) => t[0].flatten(),
        ["narrow"] = (t, _) => t[0].narrow(1, 1, 2),
        ["index_select"] = (t, _) => t[0].index_select(0, torch.tensor(new long[] { 2, 0, 2 })),
        ["cat"] = (t, _) => torch.cat([t[0], t[1]], 1),
        ["stack"] = (t, _) => torch.stack([t[0], t[1]], 0),
        ["transpose"] = (t, _) => t[0].transpose(0, 1),
        ["relu"] = (t, _) => F.relu(t[0]),
        ["leaky_relu"] = (t, _) => F.leaky_relu(t[0], 0.2),
        ["elu"] = (t, _) => F.elu(t[0], 1.3),
        ["selu"] = (t, _) => F.selu(t[0]),
        ["gelu"] = (t, _) => F.gelu(t[0]),
        ["silu"] = (t, _) => F.silu(t[0]),
        ["tanh"] = (t, _) => F.tanh(t[0]),
        ["sigmoid"] = (t, _) => F.sigmoid(t[0]),
        ["softmax"] = (t, _) => F.softmax(t[0], 1),
        ["log_softmax"] = (t, _) => F.log_softmax(t[0], 1),
        ["prelu"] = (t, _) => F.prelu(t[0], t[1]),
        ["cross_entropy"] = (t, c) => F.cross_entropy(t[0], Longs(c, "labels")),
        ["nll_loss"] = (t, c) => F.nll_loss(F.log_softmax(t[0], 1), Longs(c, "labels")),
        ["mse_loss"] = (t, _) => F.mse_loss(t[0], t[1]),
        ["binary_cross_entropy"] = (t, c) => F.binary_cross_entropy(t[0], Doubles(c, "targets", t[0].shape)),
        ["binary_cross_entropy_with_logits"] = (t, c) => F.binary_cross_entropy_with_logits(t[0], Doubles(c, "targets", t[0].shape)),
    };

    public static TheoryData<string> Cases() => new(Fixture.GetProperty("cases").EnumerateArray()
        .Select(c => c.GetProperty("name").GetString()!).Where(n => !n.StartsWith("batch_norm", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Fixture.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Input).ToArray();
        var output = Ops[name](inputs, c);
        var expected = c.GetProperty("output");
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), output.shape);
        AssertClose(expected.GetProperty("data"), output.to(ScalarType.Float64).ToArray<double>(), name + " output");
        if (!c.TryGetProperty("grads", out var grads)) return;
        var weight = torch.arange(0, output.numel(), 1, ScalarType.Float64).mul(output.numel() > 1 ? 1.0 / (output.numel() - 1) : 0).add(0.5).reshape(output.shape);
        (output * weight).sum().backward();
        var i = 0;
        foreach (var grad in grads.EnumerateArray())
        {
            if (grad.ValueKind != JsonValueKind.Null) AssertClose(grad, inputs[i].grad!.ToArray<double>(), $"{name} gradient of input {i}");
            i++;
        }
    }

    [Fact]
    public void Batch_norm_in_training_normalizes_and_updates_running_statistics_like_pytorch()
    {
        using var scope = torch.NewDisposeScope();
        var c = Case("batch_norm_train");
        var x = torch.tensor(D(c, "x"), [6, 3]);
        var (runningMean, runningVar) = (torch.zeros([3], ScalarType.Float64), torch.ones([3], ScalarType.Float64));
        var y = F.batch_norm(x, runningMean, runningVar, torch.tensor(D(c, "weight")), torch.tensor(D(c, "bias")), training: true, momentum: 0.1, eps: 1e-5);
        AssertClose(c.GetProperty("output"), y.ToArray<double>(), "training output");
        AssertClose(c.GetProperty("running_mean"), runningMean.ToArray<double>(), "running mean");
        AssertClose(c.GetProperty("running_var"), runningVar.ToArray<double>(), "running var");
        var eval = F.batch_norm(x, runningMean, runningVar, torch.tensor(D(c, "weight")), torch.tensor(D(c, "bias")), training: false, eps: 1e-5);
        AssertClose(Case("batch_norm_eval").GetProperty("output"), eval.ToArray<double>(), "eval output");
    }

    private static JsonElement Case(string name) => Fixture.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static double[] D(JsonElement c, string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static Tensor Input(JsonElement input)
    {
        var shape = input.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var t = torch.tensor(input.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray(), shape);
        return t.requires_grad_();
    }

    private static Tensor Longs(JsonElement c, string key) => torch.tensor(c.GetProperty(key).EnumerateArray().Select(e => e.GetInt64()).ToArray());

    private static Tensor Doubles(JsonElement c, string key, long[] shape) => torch.tensor(D(c, key), shape);

    private static void AssertClose(JsonElement expected, double[] actual, string what)
    {
        var values = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(values[i] - actual[i]) <= 1e-9 * Math.Max(1, Math.Abs(values[i])), $"{what}[{i}]: expected {values[i]}, got {actual[i]}");
    }
}
