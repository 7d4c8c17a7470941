using System.Globalization;

namespace DeepDsl.Plots;

/// <summary>
/// The one way a figure prints a number. Plain with trailing zeros trimmed when |x| is in [0.001, 10000)
/// (<c>0.001</c>, <c>2.5</c>, <c>1200</c>), otherwise a short exponent form (<c>5e-4</c>, <c>1.2e4</c>);
/// zero is <c>0</c>. Invariant culture, so a figure reads the same on every machine.
/// </summary>
public static class NumberFormat
{
    /// <summary>One number, to <paramref name="significant"/> significant digits.</summary>
    public static string Of(double value, int significant = 4)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "-∞";
        if (value == 0) return "0";
        var rounded = double.Parse(value.ToString("G" + significant, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Plain(rounded) ? rounded.ToString("0.##########", CultureInfo.InvariantCulture) : Exponent(rounded, significant);
    }

    /// <summary>
    /// Numbers printed side by side (an axis's ticks): all plain or all in exponent form, never a mix such
    /// as <c>8e-4</c> beside <c>0.001</c>, with as few digits as keep every label distinct.
    /// </summary>
    public static IReadOnlyList<string> Shared(IReadOnlyList<double> values)
    {
        var exponent = values.Any(v => v != 0 && double.IsFinite(v) && !Plain(v));
        for (var significant = 3; ; significant++)
        {
            var labels = values.Select(v => v == 0 ? "0" : exponent ? Exponent(v, significant) : Of(v, significant)).ToList();
            if (labels.Distinct().Count() == values.Distinct().Count() || significant >= 15) return labels;
        }
    }

    private static bool Plain(double value) => Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e4;

    // "5E-4" → "5e-4", "1.2E+4" → "1.2e4": lower case, no plus sign, no padded exponent.
    private static string Exponent(double value, int significant) =>
        value.ToString("0." + new string('#', Math.Max(0, significant - 1)) + "E+0", CultureInfo.InvariantCulture).Replace("E+", "e").Replace('E', 'e');
}
