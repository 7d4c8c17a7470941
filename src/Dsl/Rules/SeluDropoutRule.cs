using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL104: regular dropout changes the mean and variance a SELU network keeps; alpha dropout does not.</summary>
public sealed class SeluDropoutRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.IsSelfNormalizing(spec)
            ? spec.Model.Layers.Where(l => l is IDropout { KeepsSelfNormalization: false }).Select(d => Report.At(spec, Descriptors.SeluDropout, d.Path,
                $"'{d.Name}' is {(d is DropoutLayer ? "regular dropout" : d.Kind)} in a SELU network, which breaks self-normalization: use alpha_dropout: {CanonicalWriter.Number(((IDropout)d).Rate)}"))
            : [];
}
