using System.Globalization;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Reporting;

/// <summary>
/// What a run prints around its epoch lines, in `deepdsl run` and in <see cref="ExperimentConsole"/> alike: the experiment
/// and its model summary first, then where the run is and how it ended; and the exit code that says so.
/// </summary>
public static class RunReport
{
    /// <summary>The engine that trains (its libtorch, BLAS, threads, devices), the experiment's name, spec hash and description, and its Keras-style model summary.</summary>
    public static void WriteHeader(IExperiment experiment, TextWriter output)
    {
        // First, so a result pasted from a terminal says which libtorch and BLAS rounded it (docs/engines.md).
        output.WriteLine($"Engine: {Torch.EngineInfo.Current().Describe()}");
        // The description is any text the spec's author wrote.
        output.WriteLine($"Experiment {experiment.Name} ({DeepDsl.Dsl.Model.SpecHash.Short(experiment.SpecHash)}): {TerminalText.Escape(experiment.Description)}");
        using var model = experiment.CreateModel();
        output.Write(ModelSummary.Of(model, [.. experiment.InputShape], Torch.Device.CPU).Render());
    }

    /// <summary>The line naming the run folder.</summary>
    public static string RunLine(RunResult result) => $"Run: {TerminalText.Escape(result.Directory.Path)}";

    /// <summary>
    /// How the run ended, its best epoch and scores, and its speed, as one line of "; "-separated parts. "Best" is the
    /// kept checkpoint's epoch (<see cref="KeptEpoch"/>), as in runs, compare and the sweep report; its val_accuracy is
    /// that epoch's, which another epoch may exceed.
    /// </summary>
    public static string StatusLine(RunSummary s)
    {
        var kept = KeptEpoch.Of(s);
        return TerminalText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Status: {s.Status}{(s.StopReason is null ? "" : $" ({s.StopReason})")}; best epoch {kept?.Describe() ?? "–"}; " +
            $"val_accuracy there {KeptEpoch.Format("val_accuracy", kept?["val_accuracy"] ?? double.NaN)}; test accuracy {Value(s.Test, "accuracy")}; " +
            $"{s.SecondsPerEpoch:F1} s/epoch on {s.Device}{(s.WorldSize > 1 ? $" × {s.WorldSize} ranks" : "")}"));
    }

    /// <summary>0 for a run that finished or stopped early, 130 when interrupted, 1 when it diverged.</summary>
    public static int ExitCode(RunSummary summary) => RunStatus.Of(summary.Status).ExitCode;

    private static string Value(IReadOnlyDictionary<string, double>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) && !double.IsNaN(v) ? v.ToString("P2", CultureInfo.InvariantCulture) : "–";
}
