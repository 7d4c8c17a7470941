using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>
/// A value checked against the schema, with defaults made explicit. Each knows its key path and
/// where it came from (for defaults: the mapping that lacked the key), in whichever file of the
/// extends chain that was.
/// </summary>
public abstract record BValue(string Path, SourceLocation Location, bool IsDefault);

/// <summary>A scalar: long, double, bool, string, or null.</summary>
public sealed record BScalar(object? Value, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);

public sealed record BList(IReadOnlyList<BValue> Items, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);

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

    public bool Bool(string key) => (bool)Scalar(key)!;

    public bool? BoolOrNull(string key) => (bool?)Scalar(key);

    public string String(string key) => (string)Scalar(key)!;

    public string? StringOrNull(string key) => (string?)Scalar(key);

    public BObject? ObjectOrNull(string key) => this[key] as BObject;

    public BVariant? VariantOrNull(string key) => this[key] as BVariant;
}

/// <summary>One kind of a variant (a layer, an optimizer, …) with its settings.</summary>
public sealed record BVariant(string Kind, BObject Settings, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);
