using System.Diagnostics;
using System.Globalization;
using DeepDsl.Training;

namespace DeepDsl.Cli.Console;

/// <summary>
/// Training on a terminal: one live line per epoch (epoch, bar, batches, rate, ETA, running loss and
/// accuracy, fitted to the width), then the epoch's Keras line, fitted too. The running loss waits for
/// the device, so it is read on the training thread at most four times a second; the live line only
/// reads the numbers kept here.
/// </summary>
internal sealed class TrainingProgress(StatusLine status) : ITrainingCallback
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(250);
    private const int MinBar = 10, MaxBar = 30;
    private readonly Stopwatch epochClock = new();
    private readonly Stopwatch sinceRead = new();
    private volatile Snapshot current = new(0, 0, 1, 0, double.NaN, double.NaN, TimeSpan.Zero);

    private sealed record Snapshot(int Epoch, int Step, int Steps, int Epochs, double Loss, double Accuracy, TimeSpan Elapsed);

    public void OnTrainBegin(TrainingState state) => status.Show(Render);

    public void OnBatchEnd(TrainingState state, BatchProgress progress)
    {
        if (progress.Step == 0)
        {
            epochClock.Restart();
            sinceRead.Restart();
        }
        var (loss, accuracy) = (current.Loss, current.Accuracy);
        if (progress.Step == 0 || sinceRead.Elapsed >= ReadEvery)
        {
            (loss, accuracy) = progress.ReadRunning();
            sinceRead.Restart();
        }
        current = new Snapshot(progress.Epoch + 1, progress.Step + 1, progress.StepsPerEpoch, state.Epochs, loss, accuracy, epochClock.Elapsed);
    }

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
    {
        status.WriteLine(FittedLine.Epoch(EpochLog.Format(metrics, state.Epochs), Math.Max(20, FittedTable.TerminalWidth()) - 1));
        current = current with { Step = 0, Loss = double.NaN, Accuracy = double.NaN, Epoch = Math.Min(state.Epochs, metrics.Epoch + 1) };
    }

    private string Render(int width)
    {
        var s = current;
        if (s.Epoch == 0) return FittedLine.Fit([("starting the first epoch", 1)], width - 1);
        var text = CultureInfo.InvariantCulture;
        var fraction = (double)s.Step / Math.Max(1, s.Steps);
        var rate = s.Elapsed.TotalSeconds > 0 ? s.Step / s.Elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((s.Steps - s.Step) / rate) : (TimeSpan?)null;
        var parts = new List<(string, int)>
        {
            ($"Epoch {s.Epoch}/{s.Epochs}", 10),
            (Bar(fraction, MinBar), 6), // widened below to the room left
            ($"{fraction * 100,3:F0}%", 9),
            ($"{s.Step}/{s.Steps}", 4),
            (rate > 0 ? string.Create(text, $"{rate:F0} batch/s") : "", 3),
            (eta is { } e ? $"ETA {Clock(e)}" : "", 8),
            (double.IsNaN(s.Loss) ? "" : string.Create(text, $"loss {s.Loss:F4}"), 7),
            (double.IsNaN(s.Accuracy) ? "" : string.Create(text, $"acc {s.Accuracy:F4}"), 5),
        };
        var line = FittedLine.Fit(parts, width - 1);
        var room = width - 1 - line.Length;
        return room <= 0 || !line.Contains(parts[1].Item1, StringComparison.Ordinal) ? line
            : line.Replace(parts[1].Item1, Bar(fraction, Math.Min(MaxBar, MinBar + room)), StringComparison.Ordinal);
    }

    private static string Bar(double fraction, int width)
    {
        var done = (int)Math.Round(fraction * width);
        return new string('━', done) + new string('─', width - done);
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
