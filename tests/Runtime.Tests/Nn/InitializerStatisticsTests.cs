using DeepDsl.Nn.Init;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Nn;

/// <summary>
/// On a 1000×1000 weight (fan_in = fan_out = 1000) every initializer's sample statistics are within
/// 2% of Keras's definition.
/// </summary>
public sealed class InitializerStatisticsTests
{
    private const double N = 1000;

    public static TheoryData<string, double> VarianceScalingCases() => new()
    {
        { "he_normal", Math.Sqrt(2 / N) },
        { "he_uniform", Math.Sqrt(2 / N) },
        { "lecun_normal", Math.Sqrt(1 / N) },
        { "lecun_uniform", Math.Sqrt(1 / N) },
        { "glorot_normal", Math.Sqrt(2 / (N + N)) },
        { "glorot_uniform", Math.Sqrt(2 / (N + N)) },
    };

    [Theory]
    [MemberData(nameof(VarianceScalingCases))]
    public void Standard_deviation_matches_the_definition(string name, double expectedStd)
    {
        var (mean, std, maxAbs) = Sample(Initializers.FromName(name));
        Assert.InRange(std, expectedStd * 0.98, expectedStd * 1.02);
        Assert.InRange(Math.Abs(mean), 0, expectedStd * 0.02);
        if (name.EndsWith("_uniform", StringComparison.Ordinal))
            Assert.InRange(maxAbs, 0, Math.Sqrt(3) * expectedStd * 1.0000001);
        else // truncated at two standard deviations of the underlying normal
            Assert.InRange(maxAbs, 0, 2 * expectedStd / 0.87962566103423978 * 1.0000001);
    }

    [Fact]
    public void Random_normal_is_not_truncated()
    {
        var (mean, std, maxAbs) = Sample(new RandomNormal(0.5, 0.1));
        Assert.InRange(mean, 0.5 - 0.002, 0.5 + 0.002);
        Assert.InRange(std, 0.098, 0.102);
        Assert.True(maxAbs > 0.5 + 0.1 * 2.5, "a million untruncated normal samples reach beyond 2.5 std");
    }

    [Fact]
    public void Random_uniform_covers_its_interval()
    {
        var (mean, std, _) = Sample(new RandomUniform(-0.2, 0.6));
        Assert.InRange(mean, 0.2 - 0.004, 0.2 + 0.004);
        Assert.InRange(std, 0.8 / Math.Sqrt(12) * 0.98, 0.8 / Math.Sqrt(12) * 1.02);
    }

    [Theory]
    [InlineData("zeros", 0.0)]
    [InlineData("ones", 1.0)]
    public void Constant_initializers_fill_every_element(string name, double value)
    {
        var (mean, std, _) = Sample(Initializers.FromName(name));
        Assert.Equal(value, mean, 12);
        Assert.Equal(0.0, std, 12);
    }

    [Fact]
    public void Orthogonal_rows_are_orthonormal()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.empty([300, 500]);
        new Orthogonal().Initialize(w);
        var gram = w.matmul(w.t()).to(ScalarType.Float64);
        var identity = torch.zeros([300, 300], ScalarType.Float64);
        using (torch.no_grad())
            for (var i = 0; i < 300; i++) identity.select(0, i).select(0, i).fill_(1);
        Assert.True((gram - identity).abs().max().item<double>() < 1e-4);
    }

    [Fact]
    public void Same_seed_draws_the_same_weights()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.empty([20, 30]);
        var b = torch.empty([20, 30]);
        torch.manual_seed(3);
        Initializers.HeNormal.Initialize(a);
        torch.manual_seed(3);
        Initializers.HeNormal.Initialize(b);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Initializers.FromName("he_norm"));
        Assert.Contains("he_normal", error.Message);
    }

    private static (double Mean, double Std, double MaxAbs) Sample(Initializer initializer)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        var w = torch.empty([1000, 1000], ScalarType.Float64);
        initializer.Initialize(w);
        return (w.mean().item<double>(), w.std(unbiased: false).item<double>(), w.abs().max().item<double>());
    }
}
