using System.Collections.Generic;

namespace DeepDsl.Dsl.Schema;

/// <summary>A number (an integer is a number too), optionally bounded; NaN is never in range.</summary>
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
