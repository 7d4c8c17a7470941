using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL102: a SELU network needs inputs with mean 0 and standard deviation 1.</summary>
public sealed class SeluStandardizedInputsRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (Network.IsSelfNormalizing(spec) && !spec.Data.Standardize)
            yield return Report.At(spec, Descriptors.SeluInputs, "data.standardize",
                "this network uses selu, which self-normalizes only on standardized inputs: set data.standardize: true");
    }
}
