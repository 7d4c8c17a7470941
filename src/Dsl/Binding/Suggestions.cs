using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Binding;

/// <summary>"Did you mean …?" for misspelled keys and names: the closest known one by edit distance.</summary>
public static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        // Known names are short; a long typed text is no misspelling of one (and would make the distance costly).
        if (typed.Length > 64) return null;
        var best = known.Select(k => (Key: k, Distance: Distance(typed.ToLowerInvariant(), k)))
            .OrderBy(p => p.Distance).ThenBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault();
        return best.Key is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Key : null;
    }

    public static string Hint(string typed, IEnumerable<string> known)
    {
        var list = known.ToList();
        var closest = Closest(typed, list);
        return (closest is null ? "" : $"did you mean '{closest}'? ") + "Known: " + string.Join(", ", list) + ".";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
