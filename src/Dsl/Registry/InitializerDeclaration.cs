using System.Collections.Generic;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// An initializer: what the rules need (its variance scaling and distribution; whether it sets every weight to one value)
/// and what it becomes at run time — <paramref name="Runtime"/> is a shared instance (<c>Initializers.HeNormal</c>) when
/// the kind has no arguments, else a type constructed with the arguments in order.
/// </summary>
public sealed record InitializerDeclaration(string Name, string Doc, string Runtime, IReadOnlyList<Argument> Arguments) : Declaration(Name, Doc, Arguments)
{
    public VarianceScaling Scaling { get; init; }

    public InitializerDistribution Distribution { get; init; }

    /// <summary>Every weight gets the same value, whatever the arguments.</summary>
    public bool SameValue { get; init; }

    public bool Constructed => Arguments.Count > 0;
}
