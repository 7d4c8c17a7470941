using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL107: alpha dropout keeps SELU's statistics; in other networks regular dropout is the usual choice.</summary>
public sealed class AlphaDropoutWithoutSeluRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.IsSelfNormalizing(spec)
            ? []
            : spec.Model.Layers.OfType<AlphaDropoutLayer>().Select(a => Report.At(spec, Descriptors.AlphaDropoutWithoutSelu, a.Path,
                $"'{a.Name}' is alpha_dropout in a network without selu: it is designed for self-normalizing networks; use dropout: {CanonicalWriter.Number(a.Rate)}"));
}
