using System.Globalization;

namespace DeepDsl.Runs.Records;

/// <summary>
/// The checks a record's validator is made of. Each says what is wrong with one field, in the record's own spelling of
/// it, or returns null; a validator chains them with <c>??</c> and reports the first. Messages never quote a value that
/// could be text from the record, so the error line itself stays safe to print.
/// </summary>
public static class RecordCheck
{
    /// <summary>The metric names a record may hold (the columns of metrics.csv).</summary>
    public static readonly IReadOnlySet<string> MetricNames = new HashSet<string>(StringComparer.Ordinal) { "loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds" };

    /// <summary>Present, at most <paramref name="maxLength"/> characters, and nothing a terminal or a figure cannot take (<see cref="RecordText"/>).</summary>
    public static string? Text(string? value, string field, int maxLength) =>
        value is null ? $"{field} is missing" : OptionalText(value, field, maxLength);

    /// <summary>As <see cref="Text"/>, where null (JSON null) is allowed.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        if (value is null) return null;
        if (value.Length > maxLength) return Say($"{field} is {value.Length:N0} characters long, more than {maxLength:N0}");
        var at = RecordText.FirstUnsafe(value);
        return at < 0 ? null : Say($"{field} holds the control or invalid character U+{(int)value[at]:X4} at position {at}");
    }

    public static string? Whole(long value, string field, long min, long max) =>
        value >= min && value <= max ? null : Say($"{field} is {value}, outside {min}..{max}");

    /// <summary>A finite number ≥ 0 (seconds, rates): the tool computes and plots with it.</summary>
    public static string? FiniteNonNegative(double value, string field) =>
        double.IsFinite(value) && value >= 0 ? null : Say($"{field} is {value}, not a finite number ≥ 0");

    /// <summary>A finite number &gt; 0 (a learning rate on a log axis).</summary>
    public static string? FinitePositive(double value, string field) =>
        double.IsFinite(value) && value > 0 ? null : Say($"{field} is {value}, not a finite number > 0");

    public static string? OneOf(string? value, string field, IReadOnlyCollection<string> known) =>
        value is null ? $"{field} is missing"
        : known.Contains(value) ? null
        : OptionalText(value, field, 100) ?? $"{field} is '{value}', not one of {string.Join(", ", known)}";

    public static string? Present(object? value, string field) => value is null ? $"{field} is missing" : null;

    /// <summary>
    /// One metric's value: accuracies are fractions (NaN without a validation split), rates and seconds finite and ≥ 0;
    /// a loss may be anything a diverged run records (NaN, ∞).
    /// </summary>
    public static string? Metric(string name, double value, string field) => name switch
    {
        "accuracy" or "val_accuracy" => double.IsNaN(value) || value is >= 0 and <= 1 ? null : Say($"{field} is {value}, not a fraction in 0..1"),
        "lr" or "seconds" => FiniteNonNegative(value, field),
        "loss" or "val_loss" => null,
        _ => OptionalText(name, $"a key of {field}", 100) ?? $"{field} is not a metric (expected {string.Join(", ", MetricNames)})",
    };

    /// <summary>A map of metric names to values (summary.json's best and test): known names and values each may hold.</summary>
    public static string? Metrics(IReadOnlyDictionary<string, double>? values, string field, params string[] required)
    {
        if (values is null) return null;
        foreach (var key in required)
            if (!values.ContainsKey(key)) return $"{field}.{key} is missing";
        foreach (var (key, value) in values)
            if (Metric(key, value, MetricNames.Contains(key) ? $"{field}.{key}" : field) is { } problem) return problem;
        return null;
    }

    /// <summary>A map of names to text (versions): bounded in size, every key and value text a terminal can take.</summary>
    public static string? TextMap(IReadOnlyDictionary<string, string>? values, string field, int maxEntries, int maxLength)
    {
        if (values is null) return $"{field} is missing";
        if (values.Count > maxEntries) return Say($"{field} has {values.Count:N0} entries, more than {maxEntries:N0}");
        foreach (var (key, value) in values)
            if ((OptionalText(key, $"a key of {field}", maxLength) ?? Text(value, $"a value of {field}", maxLength)) is { } problem) return problem;
        return null;
    }

    /// <summary>Per-channel statistics: as many means as standard deviations (at most 4,096), all finite, the deviations > 0.</summary>
    public static string? Statistics(double[]? mean, double[]? std, string field)
    {
        if (mean is null || std is null) return $"{field}.mean or {field}.std is missing";
        if (mean.Length != std.Length || mean.Length is 0 or > 4096) return Say($"{field} has {mean.Length} means and {std.Length} standard deviations");
        if (!mean.All(double.IsFinite)) return $"{field}.mean holds a number that is not finite";
        return std.All(s => double.IsFinite(s) && s > 0) ? null : $"{field}.std holds a number that is not finite and > 0";
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
