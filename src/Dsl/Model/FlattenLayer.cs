namespace DeepDsl.Dsl.Model;

public sealed record FlattenLayer(string Name, string Path) : LayerSpec(Name, Path)
{
    public override string Kind => "flatten";
}
