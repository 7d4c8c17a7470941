namespace DeepDsl.Dsl.Model;

/// <summary>The network: the shape of one example and the layers in order (repeats expanded).</summary>
public sealed record ModelSpec(EquatableArray<long> Input, EquatableArray<LayerSpec> Layers);
