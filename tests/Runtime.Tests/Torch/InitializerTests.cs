using System.Text.Json;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// After manual_seed, the initializers draw exactly what PyTorch draws: libtorch's CPU generator is the same in
/// Python and in the shim, so normal_/uniform_ and the shim's truncated-normal and orthogonal kernels must agree
/// with the generator script's values (computed there from torch.randn / torch.linalg.qr).
/// </summary>
public sealed class InitializerTests
{
    private static readonly JsonElement[] Fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "initializers.json")))
        .RootElement.GetProperty("cases").EnumerateArray().ToArray();

    public static TheoryData<string> Cases() => new(Fixture.Select(Id));

    private static string Id(JsonElement c) =>
        $"{c.GetProperty("name").GetString()}[{string.Join("x", OpCase.Shape(c.GetProperty("shape")))}]/{c.GetProperty("dtype").GetString()}";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seeded_draws_equal_pytorchs(string id)
    {
        using var scope = torch.NewDisposeScope();
        var c = Fixture.Single(e => Id(e) == id);
        var dtype = OpCase.ParseDtype(c.GetProperty("dtype").GetString()!);
        var args = c.GetProperty("args");
        double Arg(string name) => args.GetProperty(name).GetDouble();
        var t = torch.empty(OpCase.Shape(c.GetProperty("shape")), dtype);
        torch.manual_seed(c.GetProperty("seed").GetUInt64());
        _ = c.GetProperty("name").GetString() switch
        {
            "normal_" => t.normal_(Arg("mean"), Arg("std")),
            "uniform_" => t.uniform_(Arg("low"), Arg("high")),
            "truncated_normal_" => t.truncated_normal_(Arg("mean"), Arg("std")),
            "orthogonal_" => t.orthogonal_(Arg("gain")),
            var other => throw new InvalidOperationException(other),
        };
        OpCase.AssertClose(OpCase.Doubles(c.GetProperty("values")), t.to(ScalarType.Float64).ToArray<double>(), OpCase.Tolerance(dtype), id);
    }

    [Fact]
    public void Truncated_normal_stays_within_two_standard_deviations_of_the_mean()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var t = torch.empty([100_000], ScalarType.Float64).truncated_normal_(1.0, 0.5);
        Assert.InRange(t.min().item<double>(), 0.0, 1.0);
        Assert.InRange(t.max().item<double>(), 1.0, 2.0);
        // The standard normal truncated to [-2, 2] has standard deviation 0.8796.
        Assert.InRange(t.std().item<double>(), 0.5 * 0.8796 - 0.005, 0.5 * 0.8796 + 0.005);
    }

    [Fact]
    public void Orthogonal_gives_orthonormal_rows_of_a_wide_matrix_times_the_gain()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.empty([4, 9], ScalarType.Float64).orthogonal_(2.0);
        var gram = w.matmul(w.t()).ToArray<double>();
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                Assert.Equal(i == j ? 4.0 : 0.0, gram[i * 4 + j], 1e-12);
    }
}
