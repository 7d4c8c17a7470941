using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>Runs a training function with the live display on a terminal (data loading, then epoch progress), or plain epoch lines when output is redirected (CI, files).</summary>
internal static class TrainingOutput
{
    public static T Run<T>(Func<IReadOnlyList<ITrainingCallback>, T> train, LiveDisplay? display)
    {
        if (display is null) return train([new EpochLog(System.Console.Out)]);
        display.Status.Phase("loading the data and building the model");
        return train([new TrainingProgress(display.Status)]);
    }
}
