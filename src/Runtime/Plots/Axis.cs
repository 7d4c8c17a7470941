namespace DeepDsl.Plots;

/// <summary>
/// One axis: its kind and its range in data units. The one place that decides where ticks go and how they
/// are labelled (through <see cref="NumberFormat.Shared"/>), for every figure.
/// </summary>
public sealed record Axis(AxisKind Kind, double Min, double Max)
{
    /// <summary>
    /// The axis that shows <paramref name="values"/>: a 5% margin (half a unit for whole numbers, so markers
    /// at the ends are not cut by the frame) when <paramref name="margin"/>, else whole numbers' ends exactly.
    /// </summary>
    public static Axis Fit(IEnumerable<double> values, AxisKind kind, bool margin = true)
    {
        var list = values.Where(v => Plottable(kind, v)).ToList();
        if (list.Count == 0) return kind == AxisKind.Log ? new(kind, 1e-4, 1) : new(kind, 0, 1);
        double min = list.Min(), max = list.Max();
        switch (kind)
        {
            case AxisKind.Log:
                if (max / min < 1 + 1e-9) return new(kind, min / 2, max * 2);
                var factor = margin ? Math.Pow(max / min, 0.05) : 1;
                return new(kind, min / factor, max * factor);
            case AxisKind.Integer:
                return margin ? new(kind, Math.Floor(min) - 0.5, Math.Ceiling(max) + 0.5) : new(kind, Math.Floor(min), Math.Max(Math.Ceiling(max), Math.Floor(min) + 1));
            default:
                if (max - min < 1e-12 * Math.Max(1, Math.Abs(max))) return new(kind, min - 0.5, max + 0.5);
                var pad = margin ? (max - min) * 0.05 : 0;
                return new(kind, min - pad, max + pad);
        }
    }

    /// <summary>Where <paramref name="value"/> falls between the ends, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => (T(value) - T(Min)) / (T(Max) - T(Min));

    public bool Shows(double value) => Plottable(Kind, value);

    /// <summary>Whether an axis of this kind can place the value at all (a log axis has no place for zero or less).</summary>
    public static bool Plottable(AxisKind kind, double value) => double.IsFinite(value) && (kind != AxisKind.Log || value > 0);

    /// <summary>At most about <paramref name="count"/> round ticks inside the range, labelled alike.</summary>
    public IReadOnlyList<Tick> Ticks(int count)
    {
        count = Math.Max(2, count);
        var values = Kind == AxisKind.Log ? LogValues(count) : LinearValues(Min, Max, count, Kind == AxisKind.Integer);
        var labels = NumberFormat.Shared(values);
        return values.Select((v, i) => new Tick(v, labels[i])).ToList();
    }

    private double T(double value) => Kind == AxisKind.Log ? Math.Log10(value) : value;

    private static List<double> LinearValues(double from, double to, int count, bool whole)
    {
        var raw = (to - from) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw * (1 - 1e-9));
        if (whole) step = Math.Max(1, Math.Ceiling(step));
        var ticks = new List<double>();
        for (var k = Math.Ceiling(from / step - 1e-9); k * step <= to + step * 1e-9; k++) ticks.Add(Math.Round(k * step / magnitude) * magnitude);
        return ticks;
    }

    private List<double> LogValues(int count)
    {
        double lo = Math.Log10(Min), hi = Math.Log10(Max);
        // Up to three decades: 1, 2 and 5 × each decade when they fit, so a short axis still reads at a glance.
        if (hi - lo <= 3)
        {
            var fine = Enumerable.Range((int)Math.Floor(lo), (int)Math.Ceiling(hi) - (int)Math.Floor(lo) + 1)
                .SelectMany(d => new[] { 1, 2, 5 }.Select(m => Round(m * Math.Pow(10, d)))).Where(v => v >= Min * (1 - 1e-9) && v <= Max * (1 + 1e-9)).ToList();
            if (fine.Count >= 2 && fine.Count <= count) return fine;
        }
        var decades = Enumerable.Range((int)Math.Ceiling(lo - 1e-9), Math.Max(0, (int)Math.Floor(hi + 1e-9) - (int)Math.Ceiling(lo - 1e-9) + 1)).ToList();
        if (decades.Count >= 2)
        {
            // Every decade when they fit, else every second (third…), keeping round exponents (even ones for a step of 2).
            var every = (int)Math.Ceiling(decades.Count / (double)count);
            return decades.Where(d => d % every == 0).Select(d => Round(Math.Pow(10, d))).ToList();
        }
        // Within one decade and too narrow for 1, 2, 5: a linear set inside the range.
        return LinearValues(Min, Max, Math.Min(count, 4), false).Where(v => v > 0).ToList();
    }

    // 10^-4 computed by Math.Pow is 1.0000000000000000479e-4; the label must print the decade it means.
    private static double Round(double value) => double.Parse(value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
