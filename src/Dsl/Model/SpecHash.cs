using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// A spec's identity: the SHA-256 of its canonical YAML, all 64 hex digits wherever it identifies or caches something (the
/// compile cache, a sweep's trials, summary.json). A prefix is no identity: two specs of different networks sharing a 48-bit
/// prefix take seconds to find, and then one would be trained and recorded as the other. People are shown <see cref="Short"/>.
/// </summary>
public static class SpecHash
{
    public const int Length = 64, ShortLength = 12;

    public static string Of(string canonicalYaml)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(canonicalYaml)).Select(b => b.ToString("x2")));
    }

    /// <summary>The first 12 digits, for people: in run folder names, messages and tables.</summary>
    public static string Short(string hash) => hash.Length > ShortLength ? hash.Substring(0, ShortLength) : hash;

    /// <summary>
    /// Whether <paramref name="text"/> is a hash as DeepDsl writes one, so that a hash read from a record (sweep.json) may
    /// name a file: 64 lowercase hex digits, or the 12 that versions before the whole hash wrote (their sweeps stay
    /// readable). Anything else (`../x`, upper case, another length) is a damaged or crafted record.
    /// </summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length or ShortLength } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
