namespace DeepDsl.Dsl.Schema;

/// <summary>true or false.</summary>
public sealed record BoolShape : Shape
{
    public override string Expected => "true or false";
}
