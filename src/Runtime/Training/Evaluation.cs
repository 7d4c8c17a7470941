namespace DeepDsl.Training;

/// <summary>Loss and accuracy of a model over a data set.</summary>
public sealed record Evaluation(double Loss, double Accuracy, long Examples);
