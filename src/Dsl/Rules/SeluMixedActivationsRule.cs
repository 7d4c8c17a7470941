using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL106: a hidden layer with another activation between SELU layers breaks the normalization chain.</summary>
public sealed class SeluMixedActivationsRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.IsSelfNormalizing(spec)
            ? Network.HiddenActivations(spec).Where(h => h.Activation.Declaration.Family is not (ActivationFamily.SelfNormalizing or ActivationFamily.Linear))
                .Select(h => Report.At(spec, Descriptors.SeluMixed, h.Path,
                    $"'{h.Layer.Name}' uses {h.Activation.Kind} in a SELU network: every hidden layer should use selu to self-normalize"))
            : [];
}
