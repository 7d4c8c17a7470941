using System.Collections.Generic;
using System.Linq;

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

public sealed record BoolShape : Shape
{
    public override string Expected => "true or false";
}

public sealed record IntShape(long? Min = null, long? Max = null) : Shape
{
    public override string Expected => Min is { } min && Max is { } max ? $"an integer from {min} to {max}"
        : Min is { } m ? $"an integer ≥ {m}" : "an integer";
}

public sealed record NumberShape(double? Min = null, bool MinExclusive = false, double? Max = null, bool MaxExclusive = false) : Shape
{
    public override string Expected
    {
        get
        {
            var parts = new List<string>();
            if (Min is { } min) parts.Add((MinExclusive ? "> " : "≥ ") + Format(min));
            if (Max is { } max) parts.Add((MaxExclusive ? "< " : "≤ ") + Format(max));
            return parts.Count == 0 ? "a number" : "a number " + string.Join(" and ", parts);
        }
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record StringShape(IReadOnlyList<string>? Values = null) : Shape
{
    public override string Expected => Values is null ? "a string" : "one of " + string.Join(", ", Values);
}

public sealed record ListShape(Shape Item, int MinItems = 0) : Shape
{
    public override string Expected => $"a list of {Item.Expected}";
}

/// <summary>A mapping with known keys; any other key is an error.</summary>
public sealed record ObjectShape(string Name, IReadOnlyList<Field> Fields) : Shape
{
    public override string Expected => $"a mapping of {Name} settings";

    public Field? Find(string key) => Fields.FirstOrDefault(f => f.Key == key || f.Alias == key);
}

/// <summary>One key of an object: its shape, whether it is required, its default, an accepted alias, and its documentation.</summary>
public sealed record Field(string Key, Shape Shape, string Doc, bool Required = false, object? Default = null, bool Nullable = false, string? Alias = null);

/// <summary>
/// One of several named kinds, written `name` (when it needs no settings), `{name: {settings}}`, or
/// `{name: value}` for a kind with a shorthand field (`dropout: 0.2` is `dropout: {rate: 0.2}`).
/// </summary>
public sealed record VariantShape(string Name, IReadOnlyList<Variant> Variants) : Shape
{
    public override string Expected => $"a {Name}: one of " + string.Join(", ", Variants.Where(v => v.AliasOf is null).Select(v => v.Name));

    public Variant? Find(string name) => Variants.FirstOrDefault(v => v.Name == name);
}

/// <summary>A kind of a variant: its settings, whether the bare name is allowed, its shorthand field, or the kind it is another name for.</summary>
public sealed record Variant(string Name, ObjectShape Body, string Doc, bool AllowBare = true, string? Shorthand = null, string? AliasOf = null, bool Inline = false);
