using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;

namespace DeepDsl.Dsl.Diffing;

/// <summary>
/// Pairs the layers of two layer lists the way a reader would: layers with the same kind and
/// settings (name aside) match as a longest common subsequence; between two matches, layers of the
/// same kind pair up in order (a changed layer); what is left was inserted or removed. So inserting
/// one layer is one addition, not a change of every layer after it.
/// </summary>
internal static class LayerAlignment
{
    /// <summary>Above this many cells the table would cost too much; the lists then pair by kind only.</summary>
    private const long MaxTable = 4_000_000;

    public static IReadOnlyList<(BVariant? Old, BVariant? New)> Align(IReadOnlyList<BVariant> a, IReadOnlyList<BVariant> b, System.Func<BVariant, string> signature)
    {
        var sa = a.Select(signature).ToArray();
        var sb = b.Select(signature).ToArray();
        var anchors = (long)a.Count * b.Count <= MaxTable ? CommonSubsequence(sa, sb) : [];
        var pairs = new List<(BVariant?, BVariant?)>();
        var (i, j) = (0, 0);
        foreach (var (ai, bj) in anchors.Append((a.Count, b.Count)))
        {
            PairByKind(a.Skip(i).Take(ai - i).ToList(), b.Skip(j).Take(bj - j).ToList(), pairs);
            if (ai < a.Count) pairs.Add((a[ai], b[bj]));
            (i, j) = (ai + 1, bj + 1);
        }
        return pairs;
    }

    private static void PairByKind(List<BVariant> a, List<BVariant> b, List<(BVariant?, BVariant?)> pairs)
    {
        var kinds = CommonSubsequence(a.Select(l => l.Kind).ToArray(), b.Select(l => l.Kind).ToArray());
        var (i, j) = (0, 0);
        foreach (var (ai, bj) in kinds.Append((a.Count, b.Count)))
        {
            for (; i < ai; i++) pairs.Add((a[i], null));
            for (; j < bj; j++) pairs.Add((null, b[j]));
            if (ai < a.Count) pairs.Add((a[ai], b[bj]));
            (i, j) = (ai + 1, bj + 1);
        }
    }

    /// <summary>Index pairs of a longest common subsequence (dynamic programming over the suffixes).</summary>
    private static List<(int, int)> CommonSubsequence(string[] a, string[] b)
    {
        if ((long)a.Length * b.Length > MaxTable) return [];
        var length = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : System.Math.Max(length[i + 1, j], length[i, j + 1]);
        var result = new List<(int, int)>();
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j]) result.Add((i++, j++));
            else if (length[i + 1, j] >= length[i, j + 1]) i++;
            else j++;
        }
        return result;
    }
}
