using DeepDsl.Experiments;

namespace DeepDsl.Training;

/// <summary>Tracks the best value of a monitored metric (the one rule shared by early stopping, checkpoints and plateaus).</summary>
public sealed class MetricMonitor(string metric, MonitorMode mode = MonitorMode.Auto, double minDelta = 0)
{
    public string Metric { get; } = metric;

    /// <summary>True when larger is better (accuracies in auto mode).</summary>
    public bool Maximize { get; } = mode == MonitorMode.Max || (mode == MonitorMode.Auto && metric.Contains("acc", StringComparison.Ordinal));

    public double Best { get; private set; } = double.NaN;

    public int BestEpoch { get; private set; } = -1;

    /// <summary>Records the epoch's value; true when it improves on the best by more than minDelta.</summary>
    public bool Update(EpochMetrics metrics)
    {
        var value = metrics[Metric];
        if (double.IsNaN(value)) return false;
        var improved = double.IsNaN(Best) || (Maximize ? value > Best + minDelta : value < Best - minDelta);
        if (improved)
        {
            Best = value;
            BestEpoch = metrics.Epoch;
        }
        return improved;
    }

    /// <summary>Restores the tracked best, when a run resumes.</summary>
    public void Restore(double best, int bestEpoch)
    {
        Best = best;
        BestEpoch = bestEpoch;
    }
}
