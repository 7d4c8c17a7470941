namespace DeepDsl.Dsl.Model;

public sealed record DropoutLayer(string Name, string Path, double Rate) : LayerSpec(Name, Path)
{
    public override string Kind => "dropout";
}
