using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>An object: every schema field, in schema order.</summary>
public sealed record BObject(IReadOnlyList<KeyValuePair<string, BValue>> Fields, string Path, SourceLocation Location, bool IsDefault)
    : BValue(Path, Location, IsDefault)
{
    public BValue this[string key]
    {
        get
        {
            // A loop, not LINQ: this runs thousands of times per spec.
            for (var i = 0; i < Fields.Count; i++)
                if (Fields[i].Key == key) return Fields[i].Value;
            throw new KeyNotFoundException($"{Path}: no field '{key}'");
        }
    }

    public bool Has(string key)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Key == key) return true;
        return false;
    }

    public object? Scalar(string key) => ((BScalar)this[key]).Value;

    public double Number(string key) => System.Convert.ToDouble(Scalar(key), System.Globalization.CultureInfo.InvariantCulture);

    public double? NumberOrNull(string key) => Scalar(key) is null ? null : Number(key);

    public long Int(string key) => (long)Scalar(key)!;

    public long? IntOrNull(string key) => (long?)Scalar(key);

    /// <summary>A <see cref="Schema.PairShape"/> setting: one integer for both axes, or [height, width].</summary>
    public Shapes.Size2d Pair(string key) => PairOrNull(key) ?? throw new System.InvalidCastException($"{Path}: '{key}' is null, not a pair");

    public Shapes.Size2d? PairOrNull(string key) => this[key] switch
    {
        BScalar { Value: null } => null,
        BScalar { Value: long side } => Shapes.Size2d.Square(side),
        BList { Items.Count: 2 } list => new Shapes.Size2d((long)((BScalar)list.Items[0]).Value!, (long)((BScalar)list.Items[1]).Value!),
        var other => throw new System.InvalidCastException($"{Path}: '{key}' is {other.GetType().Name}, not a pair"),
    };

    public bool Bool(string key) => (bool)Scalar(key)!;

    public bool? BoolOrNull(string key) => (bool?)Scalar(key);

    public string String(string key) => (string)Scalar(key)!;

    public string? StringOrNull(string key) => (string?)Scalar(key);

    public BObject? ObjectOrNull(string key) => this[key] as BObject;

    public BVariant? VariantOrNull(string key) => this[key] as BVariant;
}
