using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Every differentiable op's autograd gradient agrees with central finite differences (float64, h = 1e-6).</summary>
public sealed class GradientCheckTests
{
    private static readonly string[] Families = ["ops_math", "ops_functional", "ops_losses"];

    /// <summary>Every float64 fixture case whose output PyTorch differentiates, at the fixture's inputs.</summary>
    public static TheoryData<string> DifferentiableCases() => new(Families.SelectMany(OpCase.All)
        .Where(c => c.Dtype == ScalarType.Float64 && c.HasGradients).Select(c => $"{c.Family}:{c.Id}"));

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Autograd_matches_finite_differences(string key)
    {
        using var scope = torch.NewDisposeScope();
        var c = OpCase.Get(key.Split(':')[0], key.Split(':')[1]);
        var mismatches = FiniteDifference.Mismatches(t => OpCatalog.Apply(c, t), c.Inputs(Device.CPU));
        Assert.True(mismatches.Count == 0, $"{c.Id}:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void The_checker_reports_a_wrong_gradient()
    {
        using var scope = torch.NewDisposeScope();
        // x * detach(x) has value x² but autograd sees the derivative x, not 2x.
        var x = torch.tensor(new[] { 0.5, -1.5, 2.0 }).requires_grad_();
        var mismatches = FiniteDifference.Mismatches(t => t[0] * t[0].detach(), [x]);
        Assert.Equal(3, mismatches.Count);
    }

    [Fact]
    public void The_checker_accepts_a_correct_gradient_and_leaves_the_inputs_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0.5, -1.5, 2.0 }).requires_grad_();
        Assert.Empty(FiniteDifference.Mismatches(t => t[0] * t[0], [x]));
        Assert.Equal([0.5, -1.5, 2.0], x.detach().ToArray<double>());
    }
}
