namespace DeepDsl.Runs.LrFinds;

/// <summary>One batch of a learning-rate sweep, a row of lr_find.csv: its number (1, 2, …), the rate it trained at, its loss and the smoothed loss.</summary>
public sealed record LrFindStep(int Step, double Lr, double Loss, double SmoothedLoss);
