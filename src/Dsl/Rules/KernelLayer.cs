using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>A layer with a kernel and an activation, whatever its kind: what the initialization rules check.</summary>
internal sealed record KernelLayer(LayerSpec Layer, InitializerSpec KernelInit, ActivationSpec Activation)
{
    public string Name => Layer.Name;
}
