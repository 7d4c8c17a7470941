namespace DeepDsl.Dsl.Schema;

/// <summary>A list whose items share one shape, with at least <paramref name="MinItems"/> and at most <paramref name="MaxItems"/> of them.</summary>
public sealed record ListShape(Shape Item, int MinItems = 0, int? MaxItems = null) : Shape
{
    public override string Expected => MaxItems is { } max && max == MinItems ? $"a list of {max} × {Item.Expected}" : $"a list of {Item.Expected}";
}
