namespace DeepDsl.Dsl.Model;

public sealed record ActivationLayer(string Name, string Path, ActivationSpec Activation) : LayerSpec(Name, Path), IActivated
{
    public override string Kind => "activation";
}
