using System.Collections.Generic;

namespace DeepDsl.Dsl.Schema;

/// <summary>A string, optionally one of a fixed set (an enum).</summary>
public sealed record StringShape(IReadOnlyList<string>? Values = null) : Shape
{
    public override string Expected => Values is null ? "a string" : "one of " + string.Join(", ", Values);
}
