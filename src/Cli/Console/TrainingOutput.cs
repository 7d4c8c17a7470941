using DeepDsl.Training;
using Spectre.Console;

namespace DeepDsl.Cli.Console;

/// <summary>Runs a training function with progress bars on a terminal, or plain epoch lines when output is redirected (CI, files).</summary>
internal static class TrainingOutput
{
    public static T Run<T>(Func<IReadOnlyList<ITrainingCallback>, T> train)
    {
        if (System.Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return train([new EpochLog(System.Console.Out)]);
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => result = train([new ProgressCallback(context)]));
        return result;
    }
}
