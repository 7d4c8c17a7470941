namespace DeepDsl.Dsl.Schema;

/// <summary>The layer shape inside `repeat` (a reference, because layers nest).</summary>
public sealed record LayerReference : Shape
{
    public override string Expected => LanguageSchema.Layer.Expected;
}
