using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL101: SELU self-normalizes only when each SELU layer's weights are LeCun-normal.</summary>
public sealed class SeluInitializationRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        spec.Model.Layers.OfType<DenseLayer>()
            .Where(d => d.Activation.Kind == "selu" && d.KernelInit.Kind != "lecun_normal")
            .Select(d => Report.At(spec, Descriptors.SeluInit, Report.Field(d, "kernel_init"),
                $"'{d.Name}' uses selu with kernel_init {d.KernelInit.Kind}: a SELU network self-normalizes only with kernel_init: lecun_normal"));
}
