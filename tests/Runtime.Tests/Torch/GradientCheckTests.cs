using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Every differentiable op's autograd gradient agrees with central finite differences (float64, h = 1e-6).</summary>
public sealed class GradientCheckTests
{
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Op, bool[] Positive)> Ops = new()
    {
        ["add"] = (t => t[0] + t[1], [false, false]),
        ["sub"] = (t => t[0] - t[1], [false, false]),
        ["mul"] = (t => t[0] * t[1], [false, false]),
        ["div"] = (t => t[0] / t[1], [false, true]),
        ["matmul"] = (t => t[0].matmul(t[1].t()), [false, false]),
        ["linear"] = (t => F.linear(t[0], t[1], t[2].select(0, 0).narrow(0, 0, 2)), [false, false, false]),
        ["pow"] = (t => t[0].pow(3.0), [false]),
        ["sqrt"] = (t => t[0].sqrt(), [true]),
        ["exp"] = (t => t[0].exp(), [false]),
        ["log"] = (t => t[0].log(), [true]),
        ["abs"] = (t => t[0].abs(), [true]),
        ["clamp"] = (t => t[0].clamp(-5, 5), [false]),
        ["maximum"] = (t => t[0].maximum(t[1]), [false, false]),
        ["sum"] = (t => t[0].sum(1), [false]),
        ["mean"] = (t => t[0].mean(0), [false]),
        ["std"] = (t => t[0].std(1), [false]),
        ["var"] = (t => t[0].var(0), [false]),
        ["max"] = (t => t[0].max(1).values, [false]),
        ["where"] = (t => torch.where(t[0].gt(0.0), t[0], t[1]), [false, false]),
        ["index_select"] = (t => t[0].index_select(0, torch.tensor(new long[] { 1, 0 })), [false]),
        ["cat"] = (t => torch.cat([t[0], t[1]], 0), [false, false]),
        ["transpose"] = (t => t[0].transpose(0, 1).reshape(-1), [false]),
        ["relu"] = (t => F.relu(t[0]), [true]),
        ["leaky_relu"] = (t => F.leaky_relu(t[0], 0.2), [false]),
        ["elu"] = (t => F.elu(t[0], 1.0), [false]),
        ["selu"] = (t => F.selu(t[0]), [false]),
        ["gelu"] = (t => F.gelu(t[0]), [false]),
        ["silu"] = (t => F.silu(t[0]), [false]),
        ["tanh"] = (t => F.tanh(t[0]), [false]),
        ["sigmoid"] = (t => F.sigmoid(t[0]), [false]),
        ["softmax"] = (t => F.softmax(t[0], 1), [false]),
        ["log_softmax"] = (t => F.log_softmax(t[0], 1), [false]),
        ["prelu"] = (t => F.prelu(t[0], t[1].select(0, 0).select(0, 0).unsqueeze(0)), [false, false]),
        ["cross_entropy"] = (t => F.cross_entropy(t[0], torch.tensor(new long[] { 1, 2 })), [false]),
        ["mse_loss"] = (t => F.mse_loss(t[0], t[1]), [false, false]),
        ["bce_with_logits"] = (t => F.binary_cross_entropy_with_logits(t[0], t[1].sigmoid().detach()), [false, false]),
        ["batch_norm"] = (t => F.batch_norm(t[0], null, null, null, null, training: true), [false]),
    };

    public static TheoryData<string> Names() => new(Ops.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Autograd_matches_finite_differences(string name)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var (op, positive) = Ops[name];
        var inputs = positive.Select(p => (p ? torch.rand([2, 3], ScalarType.Float64).add(0.5) : torch.randn([2, 3], ScalarType.Float64)).requires_grad_()).ToArray();
        var weight = torch.randn(op(inputs).shape, ScalarType.Float64);
        double Objective() { using var s = torch.NewDisposeScope(); using var g = torch.no_grad(); return (op(inputs) * weight).sum().item<double>(); }
        (op(inputs) * weight).sum().backward();

        const double h = 1e-6;
        for (var k = 0; k < inputs.Length; k++)
        {
            if (inputs[k].grad is not { } gradient) continue; // an input the op does not differentiate (e.g. a detached target)
            var analytic = gradient.ToArray<double>();
            var values = inputs[k].detach().ToArray<double>();
            for (var i = 0; i < values.Length; i++)
            {
                double At(double v)
                {
                    values[i] = v;
                    using (torch.no_grad()) inputs[k].copy_(torch.tensor(values, inputs[k].shape));
                    return Objective();
                }
                var original = values[i];
                var numeric = (At(original + h) - At(original - h)) / (2 * h);
                At(original);
                Assert.True(Math.Abs(numeric - analytic[i]) < 1e-5 * Math.Max(1, Math.Abs(numeric)), $"{name}: d/dx{k}[{i}] numeric {numeric} vs autograd {analytic[i]}");
            }
        }
    }
}
