using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Model;

/// <summary>An initializer by Keras name with its declared arguments (<see cref="Initializers"/>), defaults filled in.</summary>
public sealed record InitializerSpec(string Kind, EquatableArray<Setting> Arguments)
{
    public InitializerDeclaration Declaration => Initializers.Get(Kind, nameof(InitializerSpec));

    public double? Number(string key) => Settings.Number(Arguments, key);

    /// <summary>True when every weight gets the same value (a constant, or a distribution with no spread): symmetry between units is never broken.</summary>
    public bool IsSameValue => Declaration.SameValue || Number("stddev") == 0 || Number("minval") is { } low && low == Number("maxval");
}
