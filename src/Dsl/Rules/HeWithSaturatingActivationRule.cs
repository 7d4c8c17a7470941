using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL202: He initialization is sized for ReLU-like units; sigmoid and tanh saturate with it — Glorot fits them.</summary>
public sealed class HeWithSaturatingActivationRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.ActivatedKernels(spec).Where(d => d.KernelInit.Declaration.Scaling == VarianceScaling.He && d.Activation.IsSaturating)
            .Select(d => Report.At(spec, Descriptors.HeWithSaturating, Report.Field(d.Layer, "kernel_init"),
                $"'{d.Name}' uses {d.KernelInit.Kind} with {d.Activation.Kind}: He init is for ReLU-family activations; use {Initializers.Counterpart(d.KernelInit.Declaration, VarianceScaling.Glorot).Name}"));
}
