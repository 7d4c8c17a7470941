using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>The console reporter of a training run: the live display on a terminal (data loading, then epoch progress), or plain epoch lines when output is redirected (CI, files).</summary>
internal static class TrainingOutput
{
    public static ITrainingCallback Reporter(LiveDisplay? display)
    {
        if (display is null) return new EpochLog(System.Console.Out);
        display.Status.Phase("loading the data and building the model");
        return new TrainingProgress(display.Status);
    }
}
