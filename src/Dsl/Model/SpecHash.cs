namespace DeepDsl.Dsl.Model;

/// <summary>
/// What a spec hash looks like (<see cref="SpecBuilder.Hash"/>): lowercase hexadecimal, 12 digits (the first six bytes of
/// the canonical YAML's SHA-256) or all 64. A hash read back from a record (sweep.json) names files and folders, so it is
/// used only when it is exactly what the tool itself writes.
/// </summary>
public static class SpecHash
{
    /// <summary>
    /// True for the hashes this tool writes. Both lengths are accepted on purpose: the hash is moving from 12 digits to the
    /// full 64 of SHA-256, and sweeps recorded before the change must stay readable. This is the one predicate for the
    /// format: a change of <see cref="SpecBuilder.Hash"/> is a change here (a test holds the two together).
    /// </summary>
    public static bool IsWellFormed(string? hash)
    {
        if (hash is null || hash.Length is not (12 or 64)) return false;
        foreach (var c in hash)
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        return true;
    }
}
