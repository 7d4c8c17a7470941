using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL503: 1cycle plans its rise and fall over the whole run; early stopping would cut it before the rate comes down.</summary>
public sealed class OneCycleStepsRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (spec.Training.Schedule is { Kind: "one_cycle" } && spec.Training.EarlyStopping is not null)
            yield return Report.At(spec, Descriptors.OneCycleSteps, "training.early_stopping",
                "one_cycle needs a known number of steps (training.epochs), but early stopping may end the run mid-cycle: " +
                "remove early_stopping (write early_stopping: null in a variant) or use another schedule");
    }
}
