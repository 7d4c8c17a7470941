using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL301: momentum (beta_1, rho) too close to 1 keeps nearly all of the past: the optimizer overshoots and oscillates.</summary>
public sealed class MomentumTooHighRule : IRule
{
    // The usual value of each (Keras's default for rho and beta_1): the message's advice and the fix.
    private static readonly string Typical = CanonicalWriter.Number(0.9);

    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var o = spec.Training.Optimizer;
        var path = $"training.optimizer.{o.Kind}";
        // Every optimizer that declares the argument is checked: a new one with momentum is covered the day it is added.
        if (o.Number("momentum") is >= 0.999 and var momentum)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.momentum",
                $"momentum {CanonicalWriter.Number(momentum)} is too close to 1: the optimizer will overshoot and oscillate; {Typical} is typical", fix: Typical);
        // rho is RMSprop's decay of the squared-gradient average: that close to 1 the average lags far behind, so steps stay too large.
        if (o.Number("rho") is >= 0.9999 and var rho)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.rho",
                $"rho {CanonicalWriter.Number(rho)} is too close to 1: the optimizer will overshoot and oscillate; {Typical} is typical", fix: Typical);
        if (o.Number("beta_1") is >= 0.9999 and var beta1)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.beta_1",
                $"beta_1 {CanonicalWriter.Number(beta1)} is too close to 1: the optimizer will overshoot and oscillate; {Typical} is typical", fix: Typical);
    }
}
