namespace DeepDsl.Training;

/// <summary>
/// Where an epoch is. Reading the running loss waits for the device, so progress reporters call
/// <see cref="ReadRunning"/> only when they redraw, not every batch.
/// </summary>
public sealed record BatchProgress(int Epoch, int Step, int StepsPerEpoch, double LearningRate, Func<(double Loss, double Accuracy)> ReadRunning);
