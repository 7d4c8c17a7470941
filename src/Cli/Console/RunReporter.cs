using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>
/// Runs an experiment with the model summary first, progress while training, and where the run is at the end
/// (<see cref="RunReport"/>, shared with the package's <see cref="ExperimentConsole"/>); on a terminal, with the live
/// display and the status fitted to its width. The exit code says how it ended.
/// </summary>
internal static class RunReporter
{
    public static int Run(IExperiment experiment, RunOptions options, CancellationToken token, LiveDisplay? display = null, IReadOnlyList<ITrainingCallback>? callbacks = null)
    {
        var output = System.Console.Out;
        display?.Status.Phase("building the model");
        try
        {
            RunReport.WriteHeader(experiment, output);
            var result = ExperimentRun.Start(experiment, options, output, callbacks, token, TrainingOutput.Reporter(display));
            output.WriteLine(RunReport.RunLine(result));
            foreach (var line in FittedLine.Wrap(RunReport.StatusLine(result.Summary), "; ", FittedTable.TerminalWidth() - 1)) output.WriteLine(line);
            return RunReport.ExitCode(result.Summary);
        }
        finally
        {
            output.Flush();
        }
    }
}
