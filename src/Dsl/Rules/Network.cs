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
            if (layer is IActivated activated) yield return (layer, activated.Activation, Report.Field(layer, "activation"));
        }
    }

    /// <summary>
    /// The layers with a kernel whose outputs go through SELU: those with activation: selu, and a linear one followed by an
    /// `- activation: selu` layer, which is the same computation written in two lines.
    /// </summary>
    public static IEnumerable<KernelLayer> SeluKernelLayers(ExperimentSpec spec)
    {
        var layers = spec.Model.Layers;
        var kernels = ActivatedKernels(spec).ToDictionary(k => k.Layer);
        for (var i = 0; i < layers.Count; i++)
            if (kernels.TryGetValue(layers[i], out var kernel) && (kernel.Activation.IsSelfNormalizing || IsSeluAfterLinearKernel(layers, i + 1)))
                yield return kernel;
    }

    /// <summary>True when layer <paramref name="i"/> is `- activation: selu` right after a linear layer with a kernel: that layer's own activation, written apart.</summary>
    public static bool IsSeluAfterLinearKernel(IReadOnlyList<LayerSpec> layers, int i) =>
        i > 0 && i < layers.Count && layers[i] is ActivationLayer { Activation.IsSelfNormalizing: true } &&
        layers[i - 1] is IHasKernel and IActivated { Activation.Declaration.Family: ActivationFamily.Linear };

    /// <summary>Layers with a kernel and an activation, of any kind: what the initialization rules check.</summary>
    public static IEnumerable<KernelLayer> ActivatedKernels(ExperimentSpec spec) =>
        spec.Model.Layers.Where(l => l is IHasKernel and IActivated).Select(l => new KernelLayer(l, ((IHasKernel)l).KernelInit, ((IActivated)l).Activation));

    public static bool IsSelfNormalizing(ExperimentSpec spec) => HiddenActivations(spec).Any(h => h.Activation.IsSelfNormalizing);
}
