using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL202: He initialization is sized for ReLU-like units; sigmoid and tanh saturate with it — Glorot fits them.</summary>
public sealed class HeWithSaturatingActivationRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        spec.Model.Layers.OfType<DenseLayer>().Where(d => d.KernelInit.Kind.StartsWith("he_", System.StringComparison.Ordinal) && d.Activation.IsSaturating)
            .Select(d => Report.At(spec, Descriptors.HeWithSaturating, Report.Field(d, "kernel_init"),
                $"'{d.Name}' uses {d.KernelInit.Kind} with {d.Activation.Kind}: He init is for ReLU-family activations; use {d.KernelInit.Kind.Replace("he_", "glorot_")}"));
}
