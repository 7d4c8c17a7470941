namespace DeepDsl.Cli.Board;

/// <summary>A record's number as the board sends it: NaN and infinities (no value) become null, which JSON can carry.</summary>
internal static class BoardNumber
{
    public static double? Of(double value) => double.IsFinite(value) ? value : null;

    public static double? Of(IReadOnlyDictionary<string, double>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? Of(value) : null;
}
