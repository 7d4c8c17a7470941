using System.Text.Json;
using DeepDsl.Optim;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Optim;

/// <summary>
/// Ten steps of each optimizer on a fixed problem end where PyTorch 1.13's do (Keras's formula for
/// Nadam), within 1e-5. Fixtures: tests/fixtures/generate_optimizer_fixtures.py.
/// </summary>
public sealed class OptimizerTrajectoryTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "optimizers.json"))).RootElement;

    public static TheoryData<string> Cases() => new(Fixture.GetProperty("results").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ten_steps_match_the_reference(string name)
    {
        using var scope = torch.NewDisposeScope();
        var weight = torch.tensor(Doubles("weight"), [4, 3]).requires_grad_();
        var bias = torch.tensor(Doubles("bias"), [4]).requires_grad_();
        var x = torch.tensor(Doubles("x"), [8, 3]);
        var y = torch.tensor(Fixture.GetProperty("y").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        using var optimizer = Create(name, [weight, bias]);

        for (var step = 0; step < Fixture.GetProperty("steps").GetInt32(); step++)
        {
            using var stepScope = torch.NewDisposeScope();
            optimizer.zero_grad();
            torch.nn.functional.cross_entropy(torch.nn.functional.linear(x, weight, bias), y).backward();
            optimizer.step();
        }

        var expected = Fixture.GetProperty("results").GetProperty(name);
        AssertClose(expected.GetProperty("weight"), weight.ToArray<double>());
        AssertClose(expected.GetProperty("bias"), bias.ToArray<double>());
    }

    internal static Optimizer Create(string name, Tensor[] p) => name switch
    {
        "sgd" => new SGD(p, 0.1),
        "sgd_momentum" => new SGD(p, 0.1, momentum: 0.9),
        "sgd_nesterov" => new SGD(p, 0.1, momentum: 0.9, nesterov: true),
        "sgd_weight_decay" => new SGD(p, 0.1, momentum: 0.5, weightDecay: 0.01),
        "adam" => new Adam(p, 0.01),
        "adam_weight_decay" => new Adam(p, 0.01, weightDecay: 0.01),
        "adamw" => new AdamW(p, 0.01),
        "rmsprop" => new RMSprop(p, 0.01, rho: 0.9),
        "rmsprop_momentum_centered" => new RMSprop(p, 0.01, rho: 0.9, momentum: 0.5, centered: true),
        "adagrad" => new Adagrad(p, 0.1, initialAccumulatorValue: 0.1),
        "adamax" => new Adamax(p, 0.01),
        "nadam" => new Nadam(p, 0.01),
        _ => throw new ArgumentException(name),
    };

    private static double[] Doubles(string property) =>
        Fixture.GetProperty(property).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static void AssertClose(JsonElement expected, double[] actual)
    {
        var values = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(values[i] - actual[i]) < 1e-5, $"element {i}: expected {values[i]}, got {actual[i]}");
    }
}
