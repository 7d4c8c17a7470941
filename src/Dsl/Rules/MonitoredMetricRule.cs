using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL501: early stopping, checkpoints and plateau schedules can only watch a metric the run produces.</summary>
public sealed class MonitoredMetricRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var produced = spec.Data.HasValidation ? new[] { "loss", "accuracy", "val_loss", "val_accuracy" } : new[] { "loss", "accuracy" };
        var monitors = new List<(string Path, string Metric)>();
        if (spec.Training.EarlyStopping is { } es) monitors.Add(("training.early_stopping.monitor", es.Monitor));
        if (spec.Training.Schedule is { Kind: "reduce_on_plateau" } plateau) monitors.Add(("training.schedule.reduce_on_plateau.monitor", plateau.String("monitor")!));
        // A monitor left to its default is already one the data produces (MonitorDefault), so every monitor is checked alike.
        monitors.Add(("training.checkpoint.monitor", spec.Training.Checkpoint.Monitor));
        foreach (var (path, metric) in monitors.Where(m => !produced.Contains(m.Metric)))
            yield return Report.At(spec, Descriptors.UnknownMonitor, path,
                $"{Quoted.Value(metric)} is not a metric this run produces ({string.Join(", ", produced)})" +
                (metric.StartsWith("val_", System.StringComparison.Ordinal) && !spec.Data.HasValidation ? "; val_ metrics need a validation set (data.validation > 0" +
                    (spec.Data.Declaration.ValidationSet.Count > 0 ? $", or data.{spec.Data.Declaration.ValidationSet[0]}" : "") + ")" : ""));
    }
}
