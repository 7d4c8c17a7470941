using System.Collections.Generic;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// One kind of a concept (an activation, an optimizer…) as the language declares it: its name, its documentation, its
/// arguments with their types, defaults and docs, and how it may be written (bare, with a shorthand field, as another
/// name for a kind). The schema's variant for the kind is made from it, so the two cannot disagree.
/// </summary>
public abstract record Declaration(string Name, string Doc, IReadOnlyList<Argument> Arguments)
{
    public bool AllowBare { get; init; } = true;

    public string? Shorthand { get; init; }

    public string? AliasOf { get; init; }

    public Variant ToVariant() =>
        new(Name, new ObjectShape(Name, [.. Fields()]), Doc, AllowBare, Shorthand, AliasOf);

    /// <summary>The kind's settings in the schema: its arguments, then any the concept adds to every kind (a layer's name).</summary>
    protected virtual IEnumerable<Field> Fields()
    {
        foreach (var argument in Arguments) yield return argument.Field;
    }

    public Argument? Find(string key)
    {
        foreach (var argument in Arguments)
            if (argument.Field.Key == key) return argument;
        return null;
    }
}
