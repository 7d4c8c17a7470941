using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// Central-difference gradient checking in float64: for f(inputs) = Σ op(inputs)·w with a fixed weight w,
/// compares autograd's ∂f/∂x with (f(x + h) − f(x − h)) / 2h for every element of every floating input.
/// </summary>
public static class FiniteDifference
{
    public const double Step = 1e-6;
    public const double Tolerance = 1e-6;

    /// <summary>The mismatches, as readable lines; empty when autograd and the differences agree everywhere.</summary>
    /// <param name="op">The op under test; it must not change its inputs.</param>
    /// <param name="inputs">float64 inputs; those that require grad are checked.</param>
    public static List<string> Mismatches(Func<Tensor[], Tensor> op, Tensor[] inputs, double step = Step, double tolerance = Tolerance)
    {
        using var scope = torch.NewDisposeScope();
        if (inputs.Any(t => t.requires_grad && t.dtype != ScalarType.Float64))
            throw new ArgumentException("finite differences need float64 inputs", nameof(inputs));
        foreach (var t in inputs.Where(t => t.requires_grad)) t.grad = null;

        var output = op(inputs);
        var weight = OpCase.Weight(output);
        (output * weight).sum().backward();

        double Objective()
        {
            using var s = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            return (op(inputs) * weight).sum().item<double>();
        }

        var mismatches = new List<string>();
        for (var k = 0; k < inputs.Length; k++)
        {
            if (!inputs[k].requires_grad) continue;
            var analytic = inputs[k].grad?.to(ScalarType.Float64, Device.CPU).ToArray<double>() ?? new double[inputs[k].numel()];
            var values = inputs[k].detach().to(Device.CPU).ToArray<double>();
            var shape = inputs[k].shape;
            double At(int i, double v)
            {
                values[i] = v;
                using (torch.no_grad())
                using (var replacement = torch.tensor(values, shape))
                    inputs[k].copy_(replacement);
                return Objective();
            }
            for (var i = 0; i < values.Length; i++)
            {
                var original = values[i];
                var numeric = (At(i, original + step) - At(i, original - step)) / (2 * step);
                At(i, original);
                if (Math.Abs(numeric - analytic[i]) > tolerance * Math.Max(1, Math.Abs(numeric)))
                    mismatches.Add($"∂/∂input{k}[{i}]: finite difference {numeric:R}, autograd {analytic[i]:R}");
            }
        }
        return mismatches;
    }
}
