using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL105: l1, l2 and max-norm change the weight statistics self-normalization relies on.</summary>
public sealed class SeluRegularizationRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (!Network.IsSelfNormalizing(spec)) yield break;
        foreach (var layer in spec.Model.Layers)
        {
            if (layer is not IHasKernel kernel) continue;
            foreach (var (key, on) in new[] { ("l1", kernel.L1 != 0), ("l2", kernel.L2 != 0), ("max_norm", kernel.MaxNorm is not null) })
                if (on)
                    yield return Report.At(spec, Descriptors.SeluRegularization, Report.Field(layer, key),
                        $"'{layer.Name}' has {key} in a SELU network: it may break self-normalization; regularize with alpha_dropout instead");
        }
    }
}
