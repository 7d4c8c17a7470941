using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>dropout and alpha_dropout: identity when p = 0 or in eval mode; in training, PyTorch's statistics.</summary>
public sealed class DropoutTests
{
    private const int N = 200_000;

    public static TheoryData<string> Kinds() => new("dropout", "alpha_dropout");

    private static Tensor Apply(string kind, Tensor x, double p, bool training) =>
        kind == "dropout" ? F.dropout(x, p, training) : F.alpha_dropout(x, p, training);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void With_p_zero_in_training_it_is_the_identity(string kind)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([64, 16]);
        Assert.Equal(x.ToArray<float>(), Apply(kind, x, 0.0, training: true).ToArray<float>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void In_eval_mode_it_is_the_identity(string kind)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([64, 16]);
        Assert.Equal(x.ToArray<float>(), Apply(kind, x, 0.5, training: false).ToArray<float>());
    }

    [Fact]
    public void Dropout_in_training_zeroes_a_fraction_p_and_scales_the_rest_by_one_over_one_minus_p()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(21);
        var y = F.dropout(torch.ones([N], ScalarType.Float64), 0.3, training: true).ToArray<double>();
        var zeros = y.Count(v => v == 0) / (double)N;
        Assert.InRange(zeros, 0.3 - 0.005, 0.3 + 0.005); // ~5 standard errors
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1 / 0.7, v, 1e-12));
    }

    [Fact]
    public void Alpha_dropout_in_training_keeps_a_standard_normal_input_at_mean_zero_and_variance_one()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(22);
        var y = F.alpha_dropout(torch.randn([N], ScalarType.Float64), 0.2, training: true);
        Assert.InRange(y.mean().item<double>(), -0.01, 0.01);
        Assert.InRange(y.var().item<double>(), 0.98, 1.02);
        // It changed the input: a fraction p is set to the saturation value, then all is affinely rescaled.
        var distinct = y.ToArray<double>().GroupBy(v => v).OrderByDescending(g => g.Count()).First();
        Assert.InRange(distinct.Count() / (double)N, 0.2 - 0.005, 0.2 + 0.005);
    }
}
