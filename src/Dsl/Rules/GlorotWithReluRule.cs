using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL203: Glorot initialization halves the signal at every ReLU-family layer of a deep net; He initialization keeps it.</summary>
public sealed class GlorotWithReluRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.ActivatedKernels(spec).Where(d => d.KernelInit.Declaration.Scaling == VarianceScaling.Glorot && d.Activation.IsReluFamily)
            .Select(d => Report.At(spec, Descriptors.GlorotWithRelu, Report.Field(d.Layer, "kernel_init"),
                $"'{d.Name}' uses {d.KernelInit.Kind} with {d.Activation.Kind}: for ReLU-family activations use {Initializers.Counterpart(d.KernelInit.Declaration, VarianceScaling.He).Name}" +
                (spec.Sources[Report.Field(d.Layer, "kernel_init")] == spec.Sources[$"{d.Layer.Path}.{d.Layer.Kind}"] ? " (glorot_uniform is the default: set kernel_init)" : "")));
}
