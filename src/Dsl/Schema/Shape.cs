namespace DeepDsl.Dsl.Schema;

/// <summary>
/// The language's schema, as data: what the binder validates against, where defaults come from, and
/// what the JSON Schema and the canonical writer are generated from — one model, never kept twice.
/// </summary>
public abstract record Shape
{
    /// <summary>What a value of this shape is, for messages ("an integer ≥ 1").</summary>
    public abstract string Expected { get; }
}
