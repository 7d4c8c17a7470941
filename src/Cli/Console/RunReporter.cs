using System.Globalization;
using DeepDsl.Data;
using DeepDsl.Dsl.Model;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>Runs an experiment with the model summary first, progress while training, and where the run is at the end; the exit code says how it ended.</summary>
internal static class RunReporter
{
    public static int Run(IExperiment experiment, RunOptions options, CancellationToken token, LiveDisplay? display = null, IReadOnlyList<ITrainingCallback>? callbacks = null)
    {
        var output = System.Console.Out;
        display?.Status.Phase("building the model");
        // The description is any text the spec's author wrote.
        output.WriteLine($"Experiment {experiment.Name} ({SpecHash.Short(experiment.SpecHash)}): {TerminalText.Escape(experiment.Description)}");
        try
        {
            using (var model = experiment.CreateModel())
                output.Write(ModelSummary.Of(model, [.. experiment.InputShape], Torch.Device.CPU).Render());
            var result = TrainingOutput.Run(shown => ExperimentRunner.Run(experiment, options, output, [.. callbacks ?? [], .. shown], token), display);
            var s = result.Summary;
            output.WriteLine($"Run: {TerminalText.Escape(result.Directory.Path)}");
            // "Best" is the kept checkpoint's epoch (KeptEpoch), as in runs, compare and the sweep report; its val_accuracy
            // is that epoch's, which another epoch may exceed.
            var kept = KeptEpoch.Of(s);
            var status = string.Create(CultureInfo.InvariantCulture,
                $"Status: {s.Status}{(s.StopReason is null ? "" : $" ({s.StopReason})")}; best epoch {kept?.Describe() ?? "–"}; " +
                $"val_accuracy there {KeptEpoch.Format("val_accuracy", kept?["val_accuracy"] ?? double.NaN)}; test accuracy {Value(s.Test, "accuracy")}; {s.SecondsPerEpoch:F1} s/epoch on {s.Device}{(s.WorldSize > 1 ? $" × {s.WorldSize} ranks" : "")}");
            foreach (var line in FittedLine.Wrap(TerminalText.Escape(status), "; ", FittedTable.TerminalWidth() - 1)) output.WriteLine(line);
            return ExitCode(s);
        }
        finally
        {
            output.Flush();
        }
    }

    public static int ExitCode(Runs.RunSummary summary) => summary.Status switch
    {
        "interrupted" => Errors.ExitCodes.Interrupted,
        "diverged" => Errors.ExitCodes.Failed,
        _ => Errors.ExitCodes.Ok,
    };

    private static string Value(IReadOnlyDictionary<string, double>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString("P2", CultureInfo.InvariantCulture) : "–";
}
