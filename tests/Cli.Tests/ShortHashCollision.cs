using System.Security.Cryptography;
using System.Text;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Finds two specs whose hashes share their first 48 bits (the 12 hex digits people are shown), as an attacker would: a
/// birthday search over a free text field. Spec A's variants fill a sorted table; spec B's variants are hashed until one
/// lands on a prefix in the table — about 2²⁴ hashes each side, seconds with the CPU's SHA instructions. The variants
/// are enumerated in a fixed order, so every run finds the same pair in the same time.
/// </summary>
internal static class ShortHashCollision
{
    private const int TableBits = 24;

    /// <summary>
    /// The indices (i, j) of the first collision between <paramref name="a"/>'s and <paramref name="b"/>'s variants.
    /// A variant is the canonical text with <see cref="Marker"/> replaced by <see cref="Variant"/>(index).
    /// </summary>
    public static (int A, int B) Find(string canonicalA, string canonicalB)
    {
        var a = new Template(canonicalA);
        var b = new Template(canonicalB);
        // Each entry: the top 40 bits of a variant's 48-bit prefix, then its 24-bit index; sorted by prefix.
        var table = new ulong[1 << TableBits];
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            var text = a.Buffer();
            for (var i = worker; i < table.Length; i += Environment.ProcessorCount)
                table[i] = (a.Prefix48(text, i) >> 8) << TableBits | (uint)i;
        });
        Array.Sort(table);

        const int chunk = 1 << 18;
        for (var start = 0; start < 1 << 30; start += chunk)
        {
            var found = int.MaxValue;
            var foundA = -1;
            var gate = new object();
            Parallel.For(0, Environment.ProcessorCount, worker =>
            {
                var textB = b.Buffer();
                var textA = a.Buffer();
                for (var j = start + worker; j < start + chunk; j += Environment.ProcessorCount)
                {
                    var prefix = b.Prefix48(textB, j);
                    foreach (var i in Candidates(table, prefix >> 8))
                    {
                        if (a.Prefix48(textA, i) != prefix) continue;
                        lock (gate)
                            if (j < found) (found, foundA) = (j, i);
                    }
                }
            });
            if (foundA >= 0) return (foundA, found);
        }
        throw new InvalidOperationException("no collision in 2^30 variants");
    }

    /// <summary>The text put where <see cref="Marker"/> stands: eight characters a YAML plain scalar keeps as written.</summary>
    public static string Variant(int index) => "c" + index.ToString("x7");

    public const string Marker = "cmarker0";

    private static IEnumerable<int> Candidates(ulong[] table, ulong top40)
    {
        // The first entry whose prefix is top40, then every one after it with the same prefix.
        int low = 0, high = table.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (table[middle] >> TableBits < top40) low = middle + 1;
            else high = middle;
        }
        for (var k = low; k < table.Length && table[k] >> TableBits == top40; k++)
            yield return (int)(table[k] & ((1u << TableBits) - 1));
    }

    private sealed class Template
    {
        private readonly byte[] bytes;
        private readonly int at;

        public Template(string canonical)
        {
            var index = canonical.IndexOf(Marker, StringComparison.Ordinal);
            if (index < 0 || canonical.IndexOf(Marker, index + 1, StringComparison.Ordinal) >= 0)
                throw new ArgumentException($"the canonical text must hold '{Marker}' once");
            bytes = Encoding.UTF8.GetBytes(canonical);
            at = Encoding.UTF8.GetByteCount(canonical.AsSpan(0, index));
        }

        public byte[] Buffer() => (byte[])bytes.Clone();

        public ulong Prefix48(byte[] text, int index)
        {
            // Variant(index), written in place without a string per hash.
            text[at] = (byte)'c';
            for (var d = 0; d < 7; d++) text[at + 7 - d] = (byte)"0123456789abcdef"[(index >> (4 * d)) & 15];
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(text, hash);
            return (ulong)hash[0] << 40 | (ulong)hash[1] << 32 | (ulong)hash[2] << 24 | (ulong)hash[3] << 16 | (ulong)hash[4] << 8 | hash[5];
        }
    }
}
