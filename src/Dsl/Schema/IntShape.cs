using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Schema;

/// <summary>An integer, optionally bounded (inclusive), or one of a few <paramref name="Values"/> (data.channels: 1 or 3).</summary>
public sealed record IntShape(long? Min = null, long? Max = null, IReadOnlyList<long>? Values = null) : Shape
{
    public override string Expected => Values is { } values ? "one of " + string.Join(", ", values)
        : Min is { } min && Max is { } max ? $"an integer from {min} to {max}"
        : Min is { } m ? $"an integer ≥ {m}" : "an integer";

    public bool Allows(long value) =>
        Values is { } values ? values.Contains(value) : !(Min is { } min && value < min || Max is { } max && value > max);
}
