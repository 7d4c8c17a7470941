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
                $"'{d.Name}' is {(d is DropoutLayer ? "regular dropout" : d.Kind)} in a SELU network, which breaks self-normalization: use {AlphaDropout}: {CanonicalWriter.Number(((IDropout)d).Rate)}",
                // Alpha dropout takes the same rate, so plain dropout's fix is its kind alone; spatial dropout has no such twin.
                fix: d is DropoutLayer ? AlphaDropout : null))
            : [];

    private const string AlphaDropout = "alpha_dropout";
}
