namespace DeepDsl.Dsl.Model;

public sealed record ActivationLayer(string Name, string Path, ActivationSpec Activation) : LayerSpec(Name, Path)
{
    public override string Kind => "activation";
}
