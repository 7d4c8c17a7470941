namespace DeepDsl.Training;

/// <summary>Loss and accuracy of a model over a data set (a test set, a validation split).</summary>
public sealed record EvaluationResult(double Loss, double Accuracy, long Examples);
