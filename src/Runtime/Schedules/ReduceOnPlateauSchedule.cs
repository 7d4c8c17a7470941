using System.Globalization;

namespace DeepDsl.Schedules;

/// <summary>
/// Keras's ReduceLROnPlateau: multiply the rate by <c>Factor</c> when the monitored metric has not
/// improved by more than <c>MinDelta</c> for <c>Patience</c> epochs, then wait <c>Cooldown</c> epochs; never below <c>MinLr</c>.
/// </summary>
public sealed class ReduceOnPlateauSchedule(double initialLearningRate, string monitor, bool maximize, double factor, int patience,
    double minDelta, int cooldown, double minLr) : ILearningRateSchedule
{
    private double rate = initialLearningRate;
    private double best = double.NaN;
    private int wait;
    private int cooldownLeft;

    public static bool MaximizeFor(string monitor, string mode) => mode == "max" || (mode == "auto" && monitor.Contains("acc", StringComparison.Ordinal));

    public double LearningRateAt(long step) => rate;

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(monitor, out var value) || double.IsNaN(value)) return;
        if (cooldownLeft > 0) cooldownLeft--;
        var improved = double.IsNaN(best) || (maximize ? value > best + minDelta : value < best - minDelta);
        if (improved)
        {
            best = value;
            wait = 0;
            return;
        }
        if (cooldownLeft > 0) return;
        if (++wait >= patience)
        {
            rate = Math.Max(minLr, rate * factor);
            wait = 0;
            cooldownLeft = cooldown;
        }
    }

    public IReadOnlyDictionary<string, double> State => new Dictionary<string, double>
    {
        ["rate"] = rate, ["best"] = best, ["wait"] = wait, ["cooldown"] = cooldownLeft,
    };

    public IReadOnlyList<string> RateKeys => ["rate"];

    public IReadOnlyList<string> CounterKeys => ["wait", "cooldown"];

    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        rate = state["rate"];
        best = state["best"];
        wait = (int)state["wait"];
        cooldownLeft = (int)state["cooldown"];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"reduce_on_plateau(rate={rate}, best={best}, wait={wait})");
}
