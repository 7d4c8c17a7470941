using DeepDsl.Dsl.Model;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// The layers a sweep path names in brackets (`model.layers[dense_1]`): the items of the resolved spec's `model.layers`,
/// after `extends` and with repeats expanded and named, as <see cref="DeepDsl.Dsl.Sweeps.TreeEdit"/> finds them. A
/// residual block is one of them; its body is inside it (in the expanded list, the BodyLength layers before it).
/// </summary>
internal static class SweepLayers
{
    public static IReadOnlyList<LayerSpec> Of(ExperimentSpec spec)
    {
        var layers = spec.Model.Layers;
        var top = new List<LayerSpec>();
        for (var i = layers.Count - 1; i >= 0; i -= layers[i] is ResidualLayer block ? block.BodyLength + 1 : 1) top.Add(layers[i]);
        top.Reverse();
        return top;
    }
}
