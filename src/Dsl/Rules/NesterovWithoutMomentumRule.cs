using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL302: Nesterov momentum is a way to apply momentum; with momentum 0 it does nothing.</summary>
public sealed class NesterovWithoutMomentumRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var o = spec.Training.Optimizer;
        if (o.Bool("nesterov") == true && o.Number("momentum") == 0)
            yield return Report.At(spec, Descriptors.NesterovWithoutMomentum, $"training.optimizer.{o.Kind}.nesterov",
                "nesterov: true needs momentum > 0 (e.g. momentum: 0.9)");
    }
}
