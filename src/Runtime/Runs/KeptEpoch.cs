using System.Globalization;

namespace DeepDsl.Runs;

/// <summary>
/// "Best", defined once: the epoch whose weights a run keeps (its best checkpoint, which early stopping restores and the
/// test set scores), the metric its checkpoint monitors and that metric's value there, and every metric of that epoch.
/// Every command, report and plot that says "best" means this, read from summary.json and never recomputed from
/// metrics.csv: a run that monitors val_loss keeps the epoch of the lowest val_loss, whose val_accuracy may be lower than
/// another epoch's, and that lower value is the one reported (issue 19: compare showed another epoch's accuracy beside it).
/// </summary>
public sealed record KeptEpoch(int Epoch, string? Metric, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The kept epoch of <paramref name="summary"/>, or null while no epoch has had a monitored value.</summary>
    public static KeptEpoch? Of(RunSummary summary) =>
        summary.BestEpoch < 1 ? null : new(summary.BestEpoch, summary.Monitor, summary.Best ?? new Dictionary<string, double>());

    /// <summary>The monitored metric's value at the kept epoch (NaN when the summary does not say which metric: written before it recorded one).</summary>
    public double Value => this[Metric ?? ""];

    /// <summary>A metric's value at the kept epoch, NaN when the epoch has none.</summary>
    public double this[string metric] => Values.TryGetValue(metric, out var value) ? value : double.NaN;

    /// <summary>"5 (val_loss 0.9300)": the epoch and what chose it, as every command prints it.</summary>
    public string Describe() =>
        Metric is null || double.IsNaN(Value) ? Epoch.ToString(CultureInfo.InvariantCulture) : $"{Epoch.ToString(CultureInfo.InvariantCulture)} ({Metric} {Format(Metric, Value)})";

    /// <summary>A metric as people read it: accuracies in percent, the rest with four decimals; "–" for none.</summary>
    public static string Format(string metric, double value) =>
        double.IsNaN(value) ? "–" : metric.EndsWith("accuracy", StringComparison.Ordinal) ? value.ToString("P2", CultureInfo.InvariantCulture) : value.ToString("F4", CultureInfo.InvariantCulture);
}
