using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>Facts about a network that several rules share: its output layer, hidden activations, whether it is a SELU network.</summary>
internal static class Network
{
    /// <summary>The last dense layer: the output layer.</summary>
    public static DenseLayer? Output(ExperimentSpec spec) => spec.Model.Layers.OfType<DenseLayer>().LastOrDefault();

    /// <summary>The activation the network ends with: a trailing activation layer's, or the output layer's.</summary>
    public static ActivationSpec? OutputActivation(ExperimentSpec spec)
    {
        var output = Output(spec);
        if (output is null) return null;
        var after = spec.Model.Layers.SkipWhile(l => !ReferenceEquals(l, output)).Skip(1).OfType<ActivationLayer>().LastOrDefault();
        return after?.Activation ?? output.Activation;
    }

    /// <summary>Hidden layers that apply an activation (dense and activation layers before the output), with it.</summary>
    public static IEnumerable<(LayerSpec Layer, ActivationSpec Activation, string Path)> HiddenActivations(ExperimentSpec spec)
    {
        var output = Output(spec);
        foreach (var layer in spec.Model.Layers)
        {
            if (ReferenceEquals(layer, output)) yield break;
            if (layer is DenseLayer dense) yield return (dense, dense.Activation, Report.Field(dense, "activation"));
            if (layer is ActivationLayer activation) yield return (activation, activation.Activation, Report.Field(activation, "activation"));
        }
    }

    /// <summary>
    /// The dense layers whose outputs go through SELU: those with activation: selu, and a linear dense layer followed by an
    /// `- activation: selu` layer, which is the same computation written in two lines.
    /// </summary>
    public static IEnumerable<DenseLayer> SeluDenseLayers(ExperimentSpec spec)
    {
        var layers = spec.Model.Layers;
        for (var i = 0; i < layers.Count; i++)
            if (layers[i] is DenseLayer dense && (dense.Activation.IsSelfNormalizing || IsSeluAfterLinearDense(layers, i + 1)))
                yield return dense;
    }

    /// <summary>True when layer <paramref name="i"/> is `- activation: selu` right after a linear dense layer: that dense layer's own activation, written apart.</summary>
    public static bool IsSeluAfterLinearDense(IReadOnlyList<LayerSpec> layers, int i) =>
        i > 0 && i < layers.Count && layers[i] is ActivationLayer { Activation.IsSelfNormalizing: true } && layers[i - 1] is DenseLayer { Activation.Declaration.Family: ActivationFamily.Linear };

    public static bool IsSelfNormalizing(ExperimentSpec spec) => HiddenActivations(spec).Any(h => h.Activation.IsSelfNormalizing);
}
