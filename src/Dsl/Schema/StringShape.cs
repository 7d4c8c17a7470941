using System.Collections.Generic;

namespace DeepDsl.Dsl.Schema;

/// <summary>A string, optionally one of a fixed set (an enum), or free with <paramref name="Examples"/> an editor offers.</summary>
public sealed record StringShape(IReadOnlyList<string>? Values = null, IReadOnlyList<string>? Examples = null) : Shape
{
    public override string Expected => Values is null ? "a string" : "one of " + string.Join(", ", Values);
}
