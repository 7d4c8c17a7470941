namespace DeepDsl.Dsl.Model;

public sealed record AlphaDropoutLayer(string Name, string Path, double Rate) : LayerSpec(Name, Path)
{
    public override string Kind => "alpha_dropout";
}
