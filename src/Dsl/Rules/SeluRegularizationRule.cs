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
        foreach (var dense in spec.Model.Layers.OfType<DenseLayer>())
        {
            foreach (var (key, on) in new[] { ("l1", dense.L1 != 0), ("l2", dense.L2 != 0), ("max_norm", dense.MaxNorm is not null) })
                if (on)
                    yield return Report.At(spec, Descriptors.SeluRegularization, Report.Field(dense, key),
                        $"'{dense.Name}' has {key} in a SELU network: it may break self-normalization; regularize with alpha_dropout instead");
        }
    }
}
