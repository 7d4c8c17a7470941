using DeepDsl.Dsl.Schema;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// What the schema says about a place in a spec, found by following its keys and list indexes from the experiment:
/// the key's <see cref="Field"/>, or the <see cref="Variant"/> a key or value names (a layer, activation, initializer…),
/// and the shape expected there.
/// </summary>
internal sealed record SchemaSpot(Shape? Shape, Field? Field, Variant? Variant)
{
    private static readonly SchemaSpot Nowhere = new(null, null, null);

    public static SchemaSpot Follow(IEnumerable<object> path)
    {
        var spot = new SchemaSpot(LanguageSchema.Experiment, null, null);
        foreach (var step in path)
        {
            spot = spot.Step(step);
            if (spot.Shape is null) return spot;
        }
        return spot;
    }

    /// <summary>The variant a value names where a variant is expected (`activation: selu`, `- flatten`), or null.</summary>
    public Variant? Names(string value) => Concrete(Shape) is VariantShape variants ? variants.Find(value) : null;

    /// <summary>The spot one key or list index further.</summary>
    public SchemaSpot Step(object step)
    {
        var shape = Concrete(Shape);
        if (step is int) return shape is ListShape list ? new SchemaSpot(list.Item, null, null) : Nowhere;
        var key = (string)step;
        switch (shape)
        {
            case ObjectShape obj when obj.Find(key) is { } field:
                return new SchemaSpot(field.Shape, field, null);
            case VariantShape variants when variants.Find(key) is { } variant:
                // `{dropout: 0.2}`: the value is the shorthand field's; `{dense: {...}}`: the variant's settings.
                return new SchemaSpot(variant.Body, variant.Shorthand is { } shorthand ? variant.Body.Find(shorthand) : null, variant);
            case VariantShape variants:
                // `- repeat: 3` with `layers:` beside it: an inline variant's other keys are its fields.
                foreach (var inline in variants.Variants.Where(v => v.Inline))
                    if (inline.Body.Find(key) is { } inlineField) return new SchemaSpot(inlineField.Shape, inlineField, null);
                return Nowhere;
            default:
                return Nowhere;
        }
    }

    /// <summary>A layer list's items are layers: the reference stands for the one layer variant.</summary>
    public static Shape? Concrete(Shape? shape) => shape is LayerReference ? LanguageSchema.Layer : shape;
}
