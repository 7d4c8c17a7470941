using System.Globalization;

namespace DeepDsl.Training;

/// <summary>
/// The checks a saved state's values pass before a callback or a schedule takes them back (a checkpoint can be crafted):
/// each returns what is wrong with one value, in words, or null when it is sound.
/// </summary>
public static class StateCheck
{
    /// <summary>Any number, NaN included (a monitor's best before any epoch improved on nothing).</summary>
    public static string? Present(IReadOnlyDictionary<string, double> state, string key) => state.ContainsKey(key) ? null : Missing(key);

    /// <summary>A number that is not NaN (a monitor's best may be ±∞ before its first epoch).</summary>
    public static string? Number(IReadOnlyDictionary<string, double> state, string key) =>
        !state.TryGetValue(key, out var value) ? Missing(key)
        : double.IsNaN(value) ? Is(key, value, "not a number") : null;

    /// <summary>A learning rate: finite and above 0.</summary>
    public static string? Rate(IReadOnlyDictionary<string, double> state, string key) =>
        !state.TryGetValue(key, out var value) ? Missing(key)
        : !(double.IsFinite(value) && value > 0) ? Is(key, value, "no learning rate") : null;

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/> (an epoch, a count of epochs).</summary>
    public static string? Whole(IReadOnlyDictionary<string, double> state, string key, int min, int max) =>
        !state.TryGetValue(key, out var value) ? Missing(key)
        : !(value >= min && value <= max && Math.Floor(value) == value) ? Is(key, value, $"not a whole number in {min}..{max}") : null;

    /// <summary>The first problem of several checks, or null.</summary>
    public static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    private static string Missing(string key) => $"{key} is missing";

    private static string Is(string key, double value, string what) => string.Create(CultureInfo.InvariantCulture, $"{key} is {value}, {what}");
}
