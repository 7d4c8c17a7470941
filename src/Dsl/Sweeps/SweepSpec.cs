using System;
using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// A spec's `sweep:` section, read: how trials are drawn (grid or random), the parameters, how trials are ranked,
/// and the early-termination rule. Compared by value; <see cref="Location"/> (where the section is) is not.
/// </summary>
public sealed record SweepSpec(string Method, EquatableArray<SweepParameter> Parameters, long? Trials, long Seed, string Metric, bool Maximize, AshaSpec? EarlyTerminate)
{
    public SourceLocation Location { get; init; } = SourceLocation.StartOf("");

    public bool Equals(SweepSpec? other) =>
        other is not null && Method == other.Method && Parameters.Equals(other.Parameters) && Trials == other.Trials && Seed == other.Seed &&
        Metric == other.Metric && Maximize == other.Maximize && EarlyTerminate == other.EarlyTerminate;

    public override int GetHashCode() => Parameters.GetHashCode() ^ Method.GetHashCode();

    /// <summary>How many trials the sweep draws: a grid's product of value counts, or random's `trials`.</summary>
    public long TrialCount => Method == "grid" ? GridSize(Parameters, long.MaxValue) : Trials ?? 0;

    /// <summary>The number of combinations of a grid over <paramref name="parameters"/>, counted no further than <paramref name="cap"/> (so it never overflows).</summary>
    public static long GridSize(IEnumerable<SweepParameter> parameters, long cap)
    {
        long size = 1;
        foreach (var p in parameters)
        {
            var count = Math.Max(1, ((SweepDomain.Values)p.Domain).Items.Count);
            size = size > cap / count ? cap : Math.Min(cap, size * count);
        }
        return size;
    }
}
