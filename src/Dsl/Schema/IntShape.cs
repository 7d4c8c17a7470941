namespace DeepDsl.Dsl.Schema;

/// <summary>An integer, optionally bounded (inclusive).</summary>
public sealed record IntShape(long? Min = null, long? Max = null) : Shape
{
    public override string Expected => Min is { } min && Max is { } max ? $"an integer from {min} to {max}"
        : Min is { } m ? $"an integer ≥ {m}" : "an integer";
}
