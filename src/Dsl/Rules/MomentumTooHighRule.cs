using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL301: momentum (beta_1, rho) too close to 1 keeps nearly all of the past: the optimizer overshoots and oscillates.</summary>
public sealed class MomentumTooHighRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var o = spec.Training.Optimizer;
        var path = $"training.optimizer.{o.Kind}";
        if (o.Kind is "sgd" or "rmsprop" && o.Momentum >= 0.999)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.momentum",
                $"momentum {CanonicalWriter.Number(o.Momentum)} is too close to 1: the optimizer will overshoot and oscillate; 0.9 is typical");
        // rho is RMSprop's decay of the squared-gradient average: that close to 1 the average lags far behind, so steps stay too large.
        if (o.Kind == "rmsprop" && o.Rho >= 0.9999)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.rho",
                $"rho {CanonicalWriter.Number(o.Rho)} is too close to 1: the optimizer will overshoot and oscillate; 0.9 is typical");
        if (o.Kind is "adam" or "adamw" or "nadam" or "adamax" && o.Beta1 >= 0.9999)
            yield return Report.At(spec, Descriptors.MomentumTooHigh, $"{path}.beta_1",
                $"beta_1 {CanonicalWriter.Number(o.Beta1)} is too close to 1: the optimizer will overshoot and oscillate; 0.9 is typical");
    }
}
