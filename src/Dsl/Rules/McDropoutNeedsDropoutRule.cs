using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL502: MC dropout averages passes with dropout active; without a dropout layer every pass is the same.</summary>
public sealed class McDropoutNeedsDropoutRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (spec.Evaluation.McDropoutSamples is not null && !spec.Model.Layers.Any(l => l is IDropout))
            yield return Report.At(spec, Descriptors.McDropoutWithoutDropout, "evaluation.mc_dropout",
                "MC dropout needs a dropout layer (dropout, alpha_dropout, spatial_dropout): without one every pass gives the same prediction");
    }
}
