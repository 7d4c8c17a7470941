using System.Globalization;
using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>Runs an experiment with the model summary first, progress while training, and where the run is at the end; data problems become one clear message.</summary>
internal static class RunReporter
{
    public static int Run(IExperiment experiment, RunOptions options, CancellationToken token, LiveDisplay? display = null)
    {
        var output = System.Console.Out;
        display?.Status.Phase("building the model");
        output.WriteLine($"Experiment {experiment.Name} ({experiment.SpecHash}): {experiment.Description}");
        try
        {
            using (var model = experiment.CreateModel())
                output.Write(ModelSummary.Of(model, InputShape(experiment), Torch.Device.CPU).Render());
            var result = TrainingOutput.Run(callbacks => ExperimentRunner.Run(experiment, options, output, callbacks, token), display);
            var s = result.Summary;
            output.WriteLine($"Run: {result.Directory.Path}");
            var status = string.Create(CultureInfo.InvariantCulture,
                $"Status: {s.Status}{(s.StopReason is null ? "" : $" ({s.StopReason})")}; best epoch {s.BestEpoch}; " +
                $"best val_accuracy {Value(s.Best, "val_accuracy")}; test accuracy {Value(s.Test, "accuracy")}; {s.SecondsPerEpoch:F1} s/epoch on {s.Device}");
            foreach (var line in FittedLine.Wrap(status, "; ", FittedTable.TerminalWidth() - 1)) output.WriteLine(line);
            return s.Status is "diverged" ? 1 : 0;
        }
        catch (DataException error)
        {
            System.Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }

    private static long[] InputShape(IExperiment experiment) => experiment.Data.Source switch
    {
        Cifar10Source => Cifar10Dataset.InputShape,
        SyntheticSource s => s.InputShape,
        _ => throw new NotSupportedException("model summary needs the input shape"),
    };

    private static string Value(IReadOnlyDictionary<string, double>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) ? v.ToString("P2", CultureInfo.InvariantCulture) : "–";
}
