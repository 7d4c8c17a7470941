using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// DDSL103: self-normalization holds for a plain stack of layers with kernels (dense, conv2d) — no batch norm, no residual
/// shortcuts, nothing else between them but dropouts and layers that only reshape or pool. A linear kernel layer followed
/// by `- activation: selu` is such a layer, written in two lines.
/// </summary>
public sealed class SeluPlainSequenceRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (!Network.IsSelfNormalizing(spec)) yield break;
        var layers = spec.Model.Layers;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var allowed = layer is IHasKernel or IDropout or IReshaping ||
                          Network.IsSeluAfterLinearKernel(layers, i) ||
                          layer is ActivationLayer a && i == layers.Count - 1 && a.Activation.Declaration.OutputActivation is not "Linear";
            if (!allowed)
                yield return Report.At(spec, Descriptors.SeluSequence, layer.Path,
                    $"'{layer.Name}' ({layer.Kind}) breaks the plain sequence of kernel layers a SELU network needs to self-normalize" +
                    (layer is BatchNormLayer ? ": SELU replaces batch norm, remove it" : layer is ResidualLayer ? ": the shortcut's sum doubles the variance SELU keeps at one" : ""));
        }
    }
}
