using System.Globalization;

namespace DeepDsl.Sweeps;

/// <summary>
/// How one swept parameter lies along a chart's x axis, chosen once for `sweep report`'s figures and the board's charts:
/// numbers on a linear axis, or a log one when they are all positive and span a decade or more (a learning rate swept
/// over 1e-3, 1e-2 does; seeds 1, 2, 3 do not); anything else (activations, layer lists, true/false) as categories, evenly spaced in order of first
/// appearance, each labelled as the report's tables label it (<see cref="ValueLabels"/>: a long value by a letter). Chosen
/// from every trial's value, finished or not, so the axis does not change kind while a sweep runs.
/// </summary>
public sealed record SweepAxis(string Scale, IReadOnlyList<string> Categories, IReadOnlyList<string> Labels)
{
    public const string Linear = "linear", Log = "log", Category = "category";

    /// <summary>The ratio of largest to smallest value from which the axis is logarithmic: a decade.</summary>
    public const double LogSpan = 10;

    /// <summary>The axis for the parameter's values, one per trial, in trial order.</summary>
    public static SweepAxis Of(IReadOnlyList<string> values)
    {
        var numbers = values.Select(Number).ToList();
        if (values.Count > 0 && numbers.All(n => n is not null))
        {
            var (low, high) = (numbers.Min()!.Value, numbers.Max()!.Value);
            return new(low > 0 && high / low >= LogSpan ? Log : Linear, [], []);
        }
        var categories = values.Distinct().ToList();
        var labels = ValueLabels.Of(categories);
        return new(Category, categories, [.. categories.Select(labels.Label)]);
    }

    /// <summary>Where <paramref name="value"/> (one of the values the axis was chosen from) lies: the number, or its category's place.</summary>
    public double X(string value) => Scale == Category ? Place(value) : Number(value)!.Value;

    private int Place(string value)
    {
        for (var i = 0; i < Categories.Count; i++)
            if (Categories[i] == value) return i;
        throw new ArgumentException($"'{value}' is none of the axis' categories", nameof(value));
    }

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
