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

    public bool Bool(string key) => (bool)Scalar(key)!;

    public bool? BoolOrNull(string key) => (bool?)Scalar(key);

    public string String(string key) => (string)Scalar(key)!;

    public string? StringOrNull(string key) => (string?)Scalar(key);

    public BObject? ObjectOrNull(string key) => this[key] as BObject;

    public BVariant? VariantOrNull(string key) => this[key] as BVariant;
}
