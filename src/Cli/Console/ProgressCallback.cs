using System.Diagnostics;
using System.Globalization;
using DeepDsl.Training;
using Spectre.Console;

namespace DeepDsl.Cli.Console;

/// <summary>
/// A progress bar per epoch with loss, accuracy and ETA, redrawn a few times a second (reading the
/// running loss waits for the device, so it is read only when the bar is redrawn).
/// </summary>
internal sealed class ProgressCallback(ProgressContext context) : ITrainingCallback
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch sinceRedraw = Stopwatch.StartNew();
    private ProgressTask? task;

    public void OnBatchEnd(TrainingState state, BatchProgress progress)
    {
        if (progress.Step == 0 || task is null)
        {
            task = context.AddTask($"Epoch {progress.Epoch + 1}/{state.Epochs}", maxValue: progress.StepsPerEpoch);
            sinceRedraw.Restart();
        }
        task.Value = progress.Step + 1;
        if (sinceRedraw.Elapsed < Redraw && progress.Step + 1 < progress.StepsPerEpoch) return;
        sinceRedraw.Restart();
        var (loss, accuracy) = progress.ReadRunning();
        task.Description = string.Create(CultureInfo.InvariantCulture,
            $"Epoch {progress.Epoch + 1}/{state.Epochs} loss {loss:F4} acc {accuracy:F4} lr {progress.LearningRate:G3}");
    }

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
    {
        if (task is null) return;
        task.Description = Markup.Escape(EpochLog.Format(metrics, state.Epochs));
        task.StopTask();
        task = null;
    }
}
