using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// DDSL101: SELU self-normalizes only when each SELU layer's weights have variance 1/fan_in; any other initializer is an
/// error. DDSL108: lecun_uniform has that variance but not the normal distribution the derivation assumes — it works in
/// practice, so it is a warning.
/// </summary>
public sealed class SeluInitializationRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.SeluKernelLayers(spec)
            .Where(d => d.KernelInit.Declaration is not { Scaling: VarianceScaling.LeCun, Distribution: InitializerDistribution.TruncatedNormal })
            .Select(d => d.KernelInit.Declaration is { Scaling: VarianceScaling.LeCun, Distribution: InitializerDistribution.Uniform }
                ? Report.At(spec, Descriptors.SeluUniformInit, Report.Field(d.Layer, "kernel_init"),
                    $"'{d.Name}' uses selu with kernel_init lecun_uniform: it has the variance SELU needs (1/fan_in), but the self-normalization proof is for lecun_normal; use lecun_normal to be covered by it")
                : Report.At(spec, Descriptors.SeluInit, Report.Field(d.Layer, "kernel_init"),
                    $"'{d.Name}' uses selu with kernel_init {d.KernelInit.Kind}: a SELU network self-normalizes only with kernel_init: {SeluInitializer}", fix: SeluInitializer));

    // The initializer SELU's proof assumes: DDSL101's fix.
    private const string SeluInitializer = "lecun_normal";
}
