namespace DeepDsl.Evaluation;

/// <summary>
/// MC dropout against plain inference on the same examples: accuracies, the mean over examples of
/// the predicted class's probability standard deviation across samples, and seconds per example.
/// </summary>
public sealed record McDropoutResult(int Samples, long Examples, double PlainAccuracy, double McAccuracy, double MeanPredictiveStd,
    double PlainSecondsPerExample, double McSecondsPerExample);
