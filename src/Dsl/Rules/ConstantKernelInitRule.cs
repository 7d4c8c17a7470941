using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL201: when all weights start equal, every unit of a layer computes and learns the same thing — symmetry is never broken.</summary>
public sealed class ConstantKernelInitRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.ActivatedKernels(spec).Where(d => d.KernelInit.IsSameValue)
            .Select(d => Report.At(spec, Descriptors.ConstantInit, Report.Field(d.Layer, "kernel_init"),
                $"'{d.Name}' initializes every weight to the same value ({d.KernelInit.Kind}): all its units would stay identical; " +
                $"use a random initializer such as {Suggested(d.Activation)}"));

    internal static string Suggested(ActivationSpec activation) =>
        activation.IsSelfNormalizing ? "lecun_normal" : activation.IsReluFamily ? "he_normal" : "glorot_uniform";
}
