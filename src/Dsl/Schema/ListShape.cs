namespace DeepDsl.Dsl.Schema;

/// <summary>A list whose items share one shape.</summary>
public sealed record ListShape(Shape Item, int MinItems = 0) : Shape
{
    public override string Expected => $"a list of {Item.Expected}";
}
